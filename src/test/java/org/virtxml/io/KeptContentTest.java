package org.virtxml.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.virtxml.model.Location;
import org.virtxml.model.domain.Domain;

/** What the model keeps as-is is listed with its path and where it stood; positions of typed elements too. */
class KeptContentTest {

    private static final String XML = String.join(
            "\n",
            "<domain type='kvm' future='1'>",
            "  <name>vm</name>",
            "  <devices>",
            "    <disk type='file' device='disk'>",
            "      <target dev='vda' bus='virtio'/>",
            "      <gadget size='3'/>",
            "    </disk>",
            "    <disk type='file' device='cdrom'>",
            "      <target dev='sda' bus='sata'/>",
            "    </disk>",
            "    <widget/>",
            "  </devices>",
            "  <x:ext xmlns:x='urn:example'/>",
            "</domain>");

    @Test
    void keptContentIsListedWithPathsAndPositions() throws Exception {
        LibvirtDocument<Domain> doc = LibvirtXml.defaults().parseDomain(XML);
        List<KeptItem> kept = doc.keptContent();
        assertThat(kept)
                .extracting(KeptItem::path)
                .containsExactlyInAnyOrder(
                        "/domain/@future",
                        "/domain/{urn:example}ext[1]",
                        "/domain/devices/widget[1]",
                        "/domain/devices/disk[1]/gadget[1]");
        assertThat(kept)
                .filteredOn(k -> k.path().equals("/domain/devices/disk[1]/gadget[1]"))
                .singleElement()
                .satisfies(k -> assertThat(k.location()).hasValue(new Location(6, 7)));
        assertThat(kept)
                .filteredOn(k -> k.path().equals("/domain/devices/widget[1]"))
                .singleElement()
                .satisfies(k -> assertThat(k.location()).hasValue(new Location(11, 5)));
        assertThat(kept)
                .filteredOn(k -> k.path().equals("/domain/{urn:example}ext[1]"))
                .singleElement()
                .satisfies(k -> assertThat(k.location()).hasValue(new Location(13, 3)));
        assertThat(kept)
                .filteredOn(KeptItem::attribute)
                .singleElement()
                .satisfies(k -> assertThat(k.location()).hasValue(new Location(1, 20)));
    }

    @Test
    void typedElementsKnowTheirStartTag() throws Exception {
        Domain d = LibvirtXml.defaults().parseDomain(XML).root();
        assertThat(d.location()).hasValue(new Location(1, 1));
        assertThat(d.getDevices().getDisk().get(1).location()).hasValue(new Location(8, 5));
        assertThat(d.getDevices().getDisk().get(1).getTarget().attributeLocation("bus"))
                .hasValue(new Location(9, 25));
    }

    @Test
    void aRepeatedSingleElementIsKeptInOrderAndLocated() throws Exception {
        LibvirtDocument<Domain> doc =
                LibvirtXml.defaults().parseDomain("<domain type='kvm'>\n<name>a</name>\n<name>b</name>\n</domain>");
        assertThat(doc.root().getName().getText()).isEqualTo("b");
        assertThat(doc.keptContent()).singleElement().satisfies(k -> {
            assertThat(k.path()).isEqualTo("/domain/name[1]");
            assertThat(k.location()).hasValue(new Location(2, 1));
        });
        assertThat(LosslessCheck.compare(
                        "<domain type='kvm'>\n<name>a</name>\n<name>b</name>\n</domain>", doc.normalized()))
                .isEmpty();
        assertThat(doc.normalized().indexOf("<name>a</name>"))
                .isLessThan(doc.normalized().indexOf("<name>b</name>"));
    }

    @Test
    void aRepeatedSingleElementIsWrittenBackInPlace() throws Exception {
        String xml = "<domain type='kvm'>\n  <name>a</name>\n  <name>b</name>\n  <vcpu>1</vcpu>\n</domain>\n";
        LibvirtDocument<Domain> doc = LibvirtXml.defaults().parseDomain(xml);
        assertThat(doc.write()).isEqualTo(xml);
        doc.root().getName().setText("c");
        assertThat(doc.write())
                .isEqualTo("<domain type='kvm'>\n  <name>a</name>\n  <name>c</name>\n  <vcpu>1</vcpu>\n</domain>\n");
    }
}
