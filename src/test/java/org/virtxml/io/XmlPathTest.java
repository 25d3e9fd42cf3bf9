package org.virtxml.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.virtxml.dom.Loss;
import org.virtxml.dom.XmlPath;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

class XmlPathTest {

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    @Test
    void pathOfAnAttributeCountsOnlySameNamedSiblings() throws Exception {
        Document doc = parse("<domain><devices><disk/><interface/><disk><source file='/b'/></disk></devices></domain>");
        Element source = (Element) doc.getElementsByTagName("source").item(0);
        assertThat(XmlPath.of(source.getAttributeNode("file"))).isEqualTo("/domain/devices/disk[2]/source/@file");
        assertThat(XmlPath.of(doc.getElementsByTagName("interface").item(0))).isEqualTo("/domain/devices/interface");
    }

    @Test
    void foreignNamesUseTheDocumentPrefixOrTheUri() throws Exception {
        Document doc = parse("<domain xmlns:qemu='urn:q'><qemu:commandline><qemu:arg value='-s'/></qemu:commandline>"
                + "<metadata><app xmlns='urn:app' xmlns:x='urn:x' x:k='1'/></metadata></domain>");
        Element arg = (Element) doc.getElementsByTagNameNS("urn:q", "arg").item(0);
        assertThat(XmlPath.of(arg.getAttributeNode("value"))).isEqualTo("/domain/qemu:commandline/qemu:arg/@value");
        Element app = (Element) doc.getElementsByTagNameNS("urn:app", "app").item(0);
        assertThat(XmlPath.of(app.getAttributeNodeNS("urn:x", "k"))).isEqualTo("/domain/metadata/{urn:app}app/@x:k");
    }

    @Test
    void ofAgreesWithThePathsOfReportedLosses() throws Exception {
        String input =
                "<domain><devices><disk><source file='a'/></disk><disk><source file='b'/></disk></devices></domain>";
        Document doc = parse(input);
        Element second = (Element) doc.getElementsByTagName("source").item(1);
        assertThat(LosslessCheck.compare(input, input.replace("'b'", "'c'")))
                .extracting(Loss::path)
                .containsExactly(XmlPath.of(second.getAttributeNode("file")));
    }
}
