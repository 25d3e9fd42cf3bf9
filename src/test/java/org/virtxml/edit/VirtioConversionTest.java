package org.virtxml.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.virtxml.corpus.LibvirtSchemas;
import org.virtxml.io.LibvirtXml;
import org.virtxml.model.IntegerText;
import org.virtxml.model.domain.Boot;
import org.virtxml.model.domain.Disk;
import org.virtxml.model.domain.Domain;

class VirtioConversionTest {

    @Test
    void ideSampleMovesItsSystemDiskAndNicButNotTheCdrom() throws Exception {
        Domain d = TestDocs.domain("samples/ide-guest.xml").root();
        List<Change> changes = new VirtioConversion().apply(d).changes();

        Disk system = d.getDevices().getDisk().get(0);
        assertThat(system.getTarget().getDev()).isEqualTo("vda");
        assertThat(system.getTarget().getBus()).isEqualTo("virtio");
        assertThat(system.getAddress()).as("stale drive address removed").isNull();
        assertThat(system.getSource().getFile()).isEqualTo("/var/lib/libvirt/images/legacy-erp-system.qcow2");

        Disk cdrom = d.getDevices().getDisk().get(1);
        assertThat(cdrom.getTarget().getDev()).isEqualTo("hdc");
        assertThat(cdrom.getTarget().getBus()).isEqualTo("ide");
        assertThat(cdrom.getAddress().getType()).isEqualTo("drive");
        assertThat(cdrom.getAddress().getBus()).isEqualTo("1");

        assertThat(d.getOs().getBoot())
                .as("boot order kept")
                .extracting(b -> b.getDev())
                .containsExactly("cdrom", "hd");
        assertThat(d.getDevices().getInterface().get(0).getModel().getType()).isEqualTo("virtio");
        assertThat(changes)
                .extracting(Change::toString)
                .containsExactly(
                        "/domain/devices/disk[1]/target: hda on ide → vda on virtio",
                        "/domain/devices/disk[1]/address: removed stale drive address (libvirt assigns a PCI one)",
                        "/domain/devices/interface[1]/model/@type: e1000 → virtio");
        assertThat(LibvirtSchemas.errors("domain.rng", LibvirtXml.toXml(d))).isEmpty();
    }

    @Test
    void perDeviceBootOrderStaysWithTheDisk() {
        Domain d = TestDocs.domain("samples/ide-guest.xml").root();
        Boot boot = new Boot();
        boot.setOrder(IntegerText.of(2));
        d.getDevices().getDisk().get(0).setBoot(boot);
        new VirtioConversion().apply(d);
        assertThat(d.getDevices().getDisk().get(0).getBoot().getOrder().longValue())
                .isEqualTo(2);
    }

    @Test
    void nextFreeNameSkipsTakenOnes() {
        Domain d = TestDocs.domain("samples/kvm-guest.xml").root();
        // vda is virtio already; add a SATA data disk: it must become vdb
        Disk data =
                org.virtxml.model.ModelElement.copyOf(d.getDevices().getDisk().get(0));
        data.getTarget().setDev("sdb");
        data.getTarget().setBus("sata");
        d.getDevices().getDisk().add(data);
        new VirtioConversion().apply(d);
        assertThat(d.getDevices().getDisk())
                .extracting(x -> x.getTarget().getDev())
                .containsExactly("vda", "sda", "vdb");
        assertThat(d.getDevices().getDisk().get(1).getTarget().getBus())
                .as("cdrom stays")
                .isEqualTo("sata");
    }

    @Test
    void alreadyVirtioChangesNothing() {
        Domain d = TestDocs.domain("samples/kvm-guest.xml").root();
        assertThat(new VirtioConversion().apply(d).changes()).isEmpty();
    }

    @Test
    void diskNamesFollowLibvirt() {
        assertThat(VirtioConversion.suffix(0)).isEqualTo("a");
        assertThat(VirtioConversion.suffix(25)).isEqualTo("z");
        assertThat(VirtioConversion.suffix(26)).isEqualTo("aa");
        assertThat(VirtioConversion.suffix(27)).isEqualTo("ab");
        assertThat(VirtioConversion.suffix(701)).isEqualTo("zz");
        assertThat(VirtioConversion.suffix(702)).isEqualTo("aaa");
        assertThat(VirtioConversion.nextFree(Set.of("vda", "vdc"))).isEqualTo("vdb");
    }
}
