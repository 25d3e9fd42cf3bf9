package org.virtxml.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.virtxml.model.Leaf;
import org.virtxml.model.domain.Domain;
import org.virtxml.model.domain.DomainFeatures;

/** The byte-stable promise, case by case: what an unchanged document keeps and what an edit rewrites. */
class ByteStableWritingTest {

    private static final String DOC = """
            <?xml version="1.0"?>
            <!-- managed by hand -->
            <domain type="kvm" xmlns:qemu="http://libvirt.org/schemas/domain/qemu/1.0">
            \t<name>vm</name>
            \t<description><![CDATA[a <b> & c]]> &amp; &#x41;</description>
            \t<vcpu   placement = 'static'>2</vcpu>
            \t<!-- features follow -->
            \t<features><acpi></acpi>
            \t</features>
            \t<devices/>
            \t<qemu:commandline>
            \t\t<qemu:arg value="-S"/>
            \t</qemu:commandline>
            </domain>
            """;

    @Test
    void anUnchangedDocumentIsItsOwnText() throws Exception {
        assertThat(LibvirtXml.defaults().parse(DOC).write()).isEqualTo(DOC);
        String crlf = DOC.replace("\n", "\r\n");
        assertThat(LibvirtXml.defaults().parse(crlf).write()).isEqualTo(crlf);
    }

    @Test
    void theBytesKeepTheirEncodingAndByteOrderMark() throws Exception {
        String xml = DOC.replace("<?xml version=\"1.0\"?>", "<?xml version=\"1.0\" encoding=\"UTF-16\"?>");
        byte[] bytes = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, xml.getBytes(StandardCharsets.UTF_16LE));
        assertThat(LibvirtXml.defaults()
                        .read(new ByteArrayInputStream(bytes), "x")
                        .toBytes())
                .isEqualTo(bytes);
        byte[] utf8 = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, DOC.getBytes(StandardCharsets.UTF_8));
        assertThat(LibvirtXml.defaults()
                        .read(new ByteArrayInputStream(utf8), "x")
                        .toBytes())
                .isEqualTo(utf8);
    }

    @Test
    void aChangedValueRewritesOnlyItsTextInItsOwnQuotes() throws Exception {
        LibvirtDocument<Domain> doc = LibvirtXml.defaults().parseDomain(DOC);
        doc.root().getVcpu().setPlacement("auto'");
        doc.root().getName().setText("a<b");
        assertThat(doc.write())
                .isEqualTo(DOC.replace("placement = 'static'", "placement = 'auto&apos;'")
                        .replace("<name>vm</name>", "<name>a&lt;b</name>"));
    }

    @Test
    void anAddedAttributeGoesLastInTheDocumentsQuotes() throws Exception {
        LibvirtDocument<Domain> doc = LibvirtXml.defaults().parseDomain(DOC);
        doc.root().getVcpu().setCurrent(org.virtxml.model.IntegerText.of("1"));
        assertThat(doc.write())
                .isEqualTo(DOC.replace("<vcpu   placement = 'static'>", "<vcpu   placement = 'static' current='1'>"));
    }

    @Test
    void anAddedElementTakesItsSiblingsIndentationAtLibvirtsPlace() throws Exception {
        LibvirtDocument<Domain> doc = LibvirtXml.defaults().parseDomain(DOC);
        DomainFeatures f = doc.root().getFeatures();
        f.setPae(new Leaf());
        doc.root().setTitle(Leaf.of("T"));
        assertThat(doc.write())
                .isEqualTo(DOC.replace("\t<name>vm</name>\n", "\t<name>vm</name>\n\t<title>T</title>\n")
                        .replace("<acpi></acpi>", "<acpi></acpi>\n\t\t<pae/>"));
    }

    @Test
    void aRemovedElementTakesItsLineAndLeavesTheCommentsAround() throws Exception {
        LibvirtDocument<Domain> doc = LibvirtXml.defaults().parseDomain(DOC);
        doc.root().setDevices(null);
        doc.root().setFeatures(null);
        assertThat(doc.write())
                .isEqualTo(DOC.replace("\t<devices/>\n", "").replace("\t<features><acpi></acpi>\n\t</features>\n", ""));
    }

    @Test
    void fmtKeepsCommentsInPlaceAndIsTheNormalForm() throws Exception {
        assertThat(LibvirtXml.defaults().parse(DOC).normalized()).isEqualTo("""
                <?xml version='1.0' encoding='UTF-8'?>
                <!-- managed by hand -->
                <domain type='kvm' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'>
                  <name>vm</name>
                  <description>a &lt;b&gt; &amp; c &amp; A</description>
                  <vcpu placement='static'>2</vcpu>
                  <!-- features follow -->
                  <features>
                    <acpi/>
                  </features>
                  <devices/>
                  <qemu:commandline>
                    <qemu:arg value='-S'/>
                  </qemu:commandline>
                </domain>
                """);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
