package org.virtxml.lint.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.virtxml.lint.Severity;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class JunitFormatTest {

    @Test
    void exactOutputAtFailLevelError() {
        assertThat(Fixtures.render(new JunitFormat(), Fixtures.report(), Severity.ERROR))
                .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        + "<testsuites name=\"virtxml lint\" tests=\"3\" failures=\"2\" errors=\"0\">\n"
                        + "  <testsuite name=\"virtxml lint\" tests=\"3\" failures=\"2\" errors=\"0\" skipped=\"0\">\n"
                        + "    <testcase classname=\"virtxml.lint.domain\" name=\"vm.xml\">\n"
                        + "      <failure type=\"error\" message=\"1 finding at or above error\">"
                        + "vm.xml:12:5: error: boot dev 'usb' is not one of fd, hd, cdrom, network [boot-dev-invalid]\n"
                        + "</failure>\n"
                        + "      <system-out>"
                        + "vm.xml:3:9: warning: name 'a,b: 100%' has characters other than letters, digits, '-', '_', '.'"
                        + " [name-unportable]\n"
                        + "vm.xml:20:7: info: disk vda on bus 'ide': virtio is faster [virtio-recommended]\n"
                        + "</system-out>\n"
                        + "    </testcase>\n"
                        + "    <testcase classname=\"virtxml.lint.pool\" name=\"pool.xml\"/>\n"
                        + "    <testcase classname=\"virtxml.lint.unknown\" name=\"dir with space/bad.xml\">\n"
                        + "      <failure type=\"error\" message=\"1 finding at or above error\">"
                        + "dir with space/bad.xml:4:1: error: element \"a\" &amp; &lt;b&gt; not closed\\nparser stopped"
                        + " [xml-malformed]\n"
                        + "</failure>\n"
                        + "    </testcase>\n"
                        + "  </testsuite>\n"
                        + "</testsuites>\n");
    }

    @Test
    void failLevelDecidesWhichFindingsFail() throws Exception {
        Document doc = parse(Fixtures.render(new JunitFormat(), Fixtures.report(), Severity.INFO));
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("tests")).isEqualTo("3");
        assertThat(suite.getAttribute("failures")).isEqualTo("2");
        NodeList cases = doc.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(3);
        Element vm = (Element) cases.item(0);
        Element failure = (Element) vm.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("3 findings at or above info");
        assertThat(failure.getAttribute("type")).isEqualTo("error");
        assertThat(failure.getTextContent().lines()).hasSize(3);
        assertThat(vm.getElementsByTagName("system-out").getLength()).isZero();
        Element bad = (Element) cases.item(2);
        assertThat(bad.getAttribute("name")).isEqualTo("dir with space/bad.xml");
        assertThat(bad.getElementsByTagName("failure").item(0).getTextContent())
                .contains("element \"a\" & <b> not closed");
    }

    @Test
    void infoOnlyFileIsNoFailureAtWarning() throws Exception {
        Document doc = parse(Fixtures.render(new JunitFormat(), Fixtures.infoOnly(), Severity.WARNING));
        assertThat(doc.getElementsByTagName("failure").getLength()).isZero();
        assertThat(doc.getElementsByTagName("system-out").item(0).getTextContent())
                .contains("[virtio-recommended]");
        assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("0");
    }

    @Test
    void controlCharactersAndQuotesStayWellFormed() throws Exception {
        assertThat(XmlEscape.attribute("a\"<&>\n\t\u0001")).isEqualTo("a&quot;&lt;&amp;&gt;&#10;&#9;\uFFFD");
        assertThat(XmlEscape.text("x\u0000y\ud800\ud83d\ude00")).isEqualTo("x\uFFFDy\uFFFD\ud83d\ude00");
        parse("<a b=\"" + XmlEscape.attribute("q\"\u0002\n") + "\">" + XmlEscape.text("]]>\u0007") + "</a>");
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }
}
