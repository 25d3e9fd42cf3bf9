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

    private static final String DISKS = """
            <domain type='kvm'>
              <name>vm</name>
              <devices>
                <disk type='file' device='disk'>
                  <source file='/a.img'/>
                  <target dev='vda' bus='virtio'/>
                </disk>
                <disk type='file' device='disk'>
                  <source file='/b.img'/>
                  <target dev='vdb' bus='virtio'/>
                </disk>
                <disk type='file' device='disk'>
                  <source file='/c.img'/>
                  <target dev='vdc' bus='virtio'/>
                </disk>
                <interface type='network'>
                  <source network='default'/>
                </interface>
              </devices>
            </domain>
            """;

    @Test
    void changesApartInOneDocumentAreAllWrittenAndWhatIsBetweenIsCopied() throws Exception {
        // the writer asks again about the elements on the way to each change: the first change found
        // is remembered, the second (deeper in a later sibling) and a third (the last element) found then
        LibvirtDocument<Domain> doc = LibvirtXml.defaults().parseDomain(DISKS);
        doc.root().getDevices().getDisk().get(1).getTarget().setDev("vdx");
        doc.root().getDevices().getDisk().get(2).getSource().setFile("/z.img");
        doc.root().getDevices().getInterface().get(0).getSource().setNetwork("other");
        String written = doc.write();
        assertThat(written)
                .isEqualTo(DISKS.replace("dev='vdb'", "dev='vdx'")
                        .replace("/c.img", "/z.img")
                        .replace("network='default'", "network='other'"));
        // asked twice, the same answer: the writer keeps nothing from one write to the next
        assertThat(doc.write()).isEqualTo(written);
    }

    @Test
    void anElementMovedOrHeldTwiceIsNotTakenForItselfAsRead() throws Exception {
        LibvirtDocument<Domain> doc = LibvirtXml.defaults().parseDomain(DISKS);
        var disks = doc.root().getDevices().getDisk();
        disks.add(disks.get(0)); // the first disk held twice: written twice
        String twice = doc.write();
        assertThat(twice.split("/a.img", -1)).hasSize(3);
        LibvirtDocument<Domain> swapped = LibvirtXml.defaults().parseDomain(DISKS);
        var list = swapped.root().getDevices().getDisk();
        list.add(0, list.remove(2)); // out of source order: written in the new order
        String moved = swapped.write();
        assertThat(moved.indexOf("/c.img")).isLessThan(moved.indexOf("/a.img"));
        assertThat(LibvirtXml.defaults().parseDomain(moved).root().getDevices().getDisk())
                .extracting(d -> d.getTarget().getDev())
                .containsExactly("vdc", "vda", "vdb");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
