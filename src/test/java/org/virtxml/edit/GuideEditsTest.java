package org.virtxml.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.virtxml.model.DataSize;
import org.virtxml.model.Unit;
import org.virtxml.model.domain.Disk;
import org.virtxml.model.domain.Domain;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/** Issue 12: the edits of the KVM guide's chapters 5 and 23 as library calls. */
class GuideEditsTest {

    private static Domain windows() {
        return TestDocs.domain("edit/windows-libosinfo.xml").root();
    }

    @Test
    void virtioRefusesAWindowsBootDiskWithoutDriversAndSaysWhy() {
        Domain d = windows();
        assertThatThrownBy(() -> new VirtioConversion().convert(d, false))
                .isInstanceOf(EditRefusedException.class)
                .hasMessageContaining(
                        "boot disk sda on sata of a Windows guest (libosinfo os http://microsoft.com/win/10)")
                .hasMessageContaining("no inbox virtio drivers")
                .hasMessageContaining("--force");
        assertThat(d.getDevices().getDisk().get(0).getTarget().getBus())
                .as("nothing changed")
                .isEqualTo("sata");

        Domain hyperv = GuestFactory.withRandom(new java.util.SplittableRandom(1))
                .create(GuestSpec.of("w").withOs(OsFamily.WINSERVER))
                .root();
        assertThatThrownBy(() -> new VirtioConversion().convert(hyperv, false))
                .hasMessageContaining("(Hyper-V enlightenments)");
    }

    @Test
    void virtioConvertsAWindowsGuestWithTheDriverIsoOrWhenForced() throws Exception {
        Domain forced = windows();
        assertThat(new VirtioConversion().convert(forced, true).changes()).isNotEmpty();
        assertThat(forced.getDevices().getDisk().get(0).getTarget().getBus()).isEqualTo("virtio");

        Domain withIso = windows();
        withIso.getDevices().getDisk().get(1).getSource().setFile("/var/lib/libvirt/iso/virtio-win-0.1.262.iso");
        new VirtioConversion().convert(withIso, false);
        assertThat(withIso.getDevices().getDisk().get(0).getTarget().getDev()).isEqualTo("vda");

        Domain linux = TestDocs.domain("samples/ide-guest.xml").root();
        assertThat(new VirtioConversion().convert(linux, false).changes())
                .as("no OS named: converted")
                .isNotEmpty();
    }

    @Test
    void addDiskTakesTheNextFreeTargetOfItsBus() {
        Domain d = windows();
        Disks.Added sata = Disks.addDisk(d, DiskSpec.image("/srv/data.img").onBus("sata"));
        assertThat(sata.disk().getTarget().getDev()).isEqualTo("sdc");
        assertThat(sata.disk().getDriver().getType()).isEqualTo("raw");
        assertThat(sata.volume()).isEmpty();

        Disks.Added virtio = Disks.addDisk(d, DiskSpec.sized(DataSize.of(20, Unit.GIB)));
        assertThat(virtio.disk().getTarget().getDev()).isEqualTo("vda");
        assertThat(virtio.disk().getSource().getFile()).isEqualTo("/var/lib/libvirt/images/win10-vda.qcow2");
        assertThat(virtio.volume()
                        .orElseThrow()
                        .getCapacity()
                        .size()
                        .bytes(Unit.BYTES)
                        .getAsLong())
                .isEqualTo(20L << 30);
        assertThat(virtio.edit().changes().get(0).description())
                .contains("Windows sees it only once the virtio drivers are installed");

        Disks.Added pooled =
                Disks.addDisk(d, DiskSpec.sized(DataSize.of(1, Unit.GIB)).inPool("guests"));
        Disk disk = pooled.disk();
        assertThat(disk.getTarget().getDev()).isEqualTo("vdb");
        assertThat(disk.getSource().getPool()).isEqualTo("guests");
        assertThat(disk.getSource().getVolume()).isEqualTo("win10-vdb.qcow2");
        assertThat(pooled.volume().orElseThrow().getName().getText()).isEqualTo("win10-vdb.qcow2");
        assertThat(d.getDevices().getDisk()).hasSize(5);

        assertThatThrownBy(() -> DiskSpec.image("/x.img").onBus("floppy")).hasMessageContaining("bus");
        assertThatThrownBy(() -> DiskSpec.image("/x.img").inPool("p")).hasMessageContaining("pool");
    }

    @Test
    void titleDescriptionAndMetadata() throws Exception {
        Domain d = windows();
        assertThat(DomainMetadata.setTitle(d, "Accounting desktop")
                        .changes()
                        .get(0)
                        .toString())
                .isEqualTo("/domain/title: (none) → 'Accounting desktop'");
        assertThatThrownBy(() -> DomainMetadata.setTitle(d, "two\nlines")).isInstanceOf(EditRefusedException.class);
        assertThat(d.getTitle().getText()).isEqualTo("Accounting desktop");
        DomainMetadata.setDescription(d, "Runs the ledger.\nBacked up nightly.");
        assertThat(d.getDescription().getText()).isEqualTo("Runs the ledger.\nBacked up nightly.");

        String ns = "http://example.org/app/1.0";
        DomainMetadata.setMetadata(d, ns, element("<a:owner xmlns:a='" + ns + "'>ops</a:owner>"));
        EditResult<Domain> again =
                DomainMetadata.setMetadata(d, ns, element("<a:owner xmlns:a='" + ns + "'>dba</a:owner>"));
        assertThat(again.changes().get(0).description()).startsWith("replaced <a:owner>");
        assertThat(d.getMetadata().keptElements())
                .extracting(Element::getTextContent)
                .contains("dba")
                .doesNotContain("ops");
        assertThat(org.virtxml.model.GuestOs.libosinfoId(d))
                .as("other namespaces kept")
                .contains("http://microsoft.com/win/10");
        assertThatThrownBy(() -> DomainMetadata.setMetadata(d, "http://other/", element("<a:x xmlns:a='" + ns + "'/>")))
                .hasMessageContaining("not 'http://other/'");
    }

    private static Element element(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder()
                .parse(new InputSource(new StringReader(xml)))
                .getDocumentElement();
    }
}
