package org.virtxml.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.virtxml.dom.Loss;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/** LosslessCheck on the realistic sample documents of src/test/resources/samples. */
class LosslessSamplesTest {

    private static String sample(String name) throws IOException {
        try (InputStream in = LosslessSamplesTest.class.getResourceAsStream("/samples/" + name)) {
            assertThat(in).as("sample %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static String write(Document document) throws Exception {
        var transformer = TransformerFactory.newDefaultInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
        StringWriter out = new StringWriter();
        transformer.transform(new DOMSource(document), new StreamResult(out));
        return out.toString();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "kvm-guest.xml",
                "ide-guest.xml",
                "bridged-guest.xml",
                "sriov-guest.xml",
                "pci-passthrough-guest.xml",
                "dir-pool.xml",
                "iscsi-pool.xml",
                "qcow2-volume.xml",
                "capabilities.xml"
            })
    void sampleWrittenBackUnchangedIsLossless(String name) throws Exception {
        String input = sample(name);
        assertThat(LosslessCheck.compare(input, write(parse(input)))).isEmpty();
    }

    @Test
    void droppedForeignMetadataIsReportedAtItsPath() throws Exception {
        String input = sample("kvm-guest.xml");
        Document document = parse(input);
        Element owner = (Element) document.getElementsByTagNameNS("https://fleet.example.org/xmlns/guest/1.2", "owner")
                .item(0);
        Element secondTag = (Element) owner.getElementsByTagNameNS("*", "tag").item(1);
        owner.removeChild(secondTag);
        List<Loss> losses = LosslessCheck.compare(input, write(document));
        assertThat(losses)
                .containsExactly(new Loss(
                        "/domain/metadata/fleet:owner/fleet:tag[2]",
                        Loss.ELEMENT_MISSING,
                        "<fleet:tag key=\"backup\">…",
                        null));
    }

    @Test
    void reorderedBootDevicesAreReported() throws Exception {
        String input = sample("ide-guest.xml");
        String output =
                input.replace("<boot dev='cdrom'/>\n    <boot dev='hd'/>", "<boot dev='hd'/>\n    <boot dev='cdrom'/>");
        assertThat(output).isNotEqualTo(input);
        assertThat(LosslessCheck.compare(input, output))
                .containsExactly(
                        new Loss("/domain/os/boot", Loss.ORDER_CHANGED, "boot[1], boot[2]", "boot[2], boot[1]"));
    }
}
