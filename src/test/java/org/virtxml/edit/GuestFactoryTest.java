package org.virtxml.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.virtxml.corpus.LibvirtSchemas;
import org.virtxml.io.LibvirtDocument;
import org.virtxml.io.LibvirtXml;
import org.virtxml.model.DataSize;
import org.virtxml.model.Unit;
import org.virtxml.model.domain.Disk;
import org.virtxml.model.domain.Domain;
import org.virtxml.model.domain.Interface;

class GuestFactoryTest {

    private static Domain create(GuestSpec spec) {
        return GuestFactory.withRandom(new SplittableRandom(42)).create(spec).root();
    }

    @Test
    void linuxGuestHasTheDefaultsOfTheIssue() {
        Domain d = create(
                GuestSpec.of("web01").withMemory(DataSize.of(4, Unit.GIB)).withVcpus(3));
        assertThat(d.getType()).isEqualTo("kvm");
        assertThat(d.getName().getText()).isEqualTo("web01");
        assertThat(d.getUuid().uuid().isRfc4122()).isTrue();
        assertThat(d.getUuid().uuid().canonical().charAt(14))
                .as("version nibble")
                .isEqualTo('4');
        assertThat(d.getMemory().size().kibibytes(Unit.KIB).getAsLong()).isEqualTo(4L * 1024 * 1024);
        assertThat(d.getVcpu().value().longValue()).isEqualTo(3);
        assertThat(d.getOs().getType().getMachine()).isEqualTo("q35");
        Disk disk = d.getDevices().getDisk().get(0);
        assertThat(disk.getTarget().getBus()).isEqualTo("virtio");
        assertThat(disk.getTarget().getDev()).isEqualTo("vda");
        assertThat(disk.getSource().getFile()).isEqualTo("/var/lib/libvirt/images/web01.qcow2");
        assertThat(disk.getDriver().getType()).isEqualTo("qcow2");
        Interface nic = d.getDevices().getInterface().get(0);
        assertThat(nic.getType()).isEqualTo("network");
        assertThat(nic.getSource().getNetwork()).isEqualTo("default");
        assertThat(nic.getModel().getType()).isEqualTo("virtio");
        assertThat(nic.getMac().getAddress().canonical()).startsWith("52:54:00:");
        assertThat(d.getDevices().getSerial()).hasSize(1);
        assertThat(d.getDevices().getConsole().get(0).getTarget().getType()).isEqualTo("serial");
        assertThat(d.getDevices().getGraphics().get(0).getType()).isEqualTo("vnc");
        assertThat(d.getClock().getOffset()).isEqualTo("utc");
        assertThat(timers(d)).containsExactly("kvmclock:yes");
        assertThat(d.getFeatures().getHyperv()).isNull();
    }

    @Test
    void windowsWithoutDriverIsoUsesSataAndE1000eWithTheWindowsClock() {
        Domain d = create(GuestSpec.of("win").withOs(OsFamily.WINDOWS).withGraphics(GraphicsType.SPICE));
        Disk disk = d.getDevices().getDisk().get(0);
        assertThat(disk.getTarget().getBus()).isEqualTo("sata");
        assertThat(disk.getTarget().getDev()).isEqualTo("sda");
        assertThat(d.getDevices().getInterface().get(0).getModel().getType()).isEqualTo("e1000e");
        assertThat(d.getDevices().getDisk()).hasSize(1);
        assertThat(d.getClock().getOffset()).isEqualTo("localtime");
        assertThat(timers(d)).containsExactly("rtc:catchup", "pit:delay", "hpet:no", "hypervclock:yes");
        assertThat(d.getFeatures().getHyperv().getRelaxed().getState()).isEqualTo("on");
        assertThat(d.getFeatures().getHyperv().getVapic().getState()).isEqualTo("on");
        assertThat(d.getFeatures().getHyperv().getSpinlocks().getRetries().longValue())
                .isEqualTo(8191);
        assertThat(d.getDevices().getGraphics().get(0).getType()).isEqualTo("spice");
    }

    @Test
    void windowsWithDriverIsoUsesVirtioAndAttachesTheIsoAsSecondCdrom() {
        Domain d = create(GuestSpec.of("win")
                .withOs(OsFamily.WINDOWS)
                .withInstallMedia("/iso/win11.iso")
                .withVirtioDriverIso("/iso/virtio-win.iso"));
        List<Disk> disks = d.getDevices().getDisk();
        assertThat(disks).hasSize(3);
        assertThat(disks.get(0).getTarget().getBus()).isEqualTo("virtio");
        assertThat(disks.get(1).getDevice()).isEqualTo("cdrom");
        assertThat(disks.get(1).getSource().getFile()).isEqualTo("/iso/win11.iso");
        assertThat(disks.get(2).getDevice()).isEqualTo("cdrom");
        assertThat(disks.get(2).getSource().getFile()).isEqualTo("/iso/virtio-win.iso");
        assertThat(disks.get(2).getReadonly()).isNotNull();
        assertThat(disks.get(1).getTarget().getDev())
                .isNotEqualTo(disks.get(2).getTarget().getDev());
        assertThat(d.getDevices().getInterface().get(0).getModel().getType()).isEqualTo("virtio");
        assertThat(d.getOs().getBoot()).extracting(b -> b.getDev()).containsExactly("hd", "cdrom");
    }

    @Test
    void sameSeedSameGuestOtherSeedOtherIdentity() {
        GuestSpec spec = GuestSpec.of("a");
        String one = LibvirtXml.toXml(
                GuestFactory.withRandom(new SplittableRandom(7)).create(spec).root());
        String two = LibvirtXml.toXml(
                GuestFactory.withRandom(new SplittableRandom(7)).create(spec).root());
        Domain three =
                GuestFactory.withRandom(new SplittableRandom(8)).create(spec).root();
        assertThat(one).isEqualTo(two);
        assertThat(one).doesNotContain(three.getUuid().getText());
    }

    @Test
    void blockDeviceDiskAndVolumeForASize() {
        Domain d = create(GuestSpec.of("b").withDiskPath("/dev/vg0/b"));
        Disk disk = d.getDevices().getDisk().get(0);
        assertThat(disk.getType()).isEqualTo("block");
        assertThat(disk.getSource().getDev()).isEqualTo("/dev/vg0/b");
        assertThat(GuestFactory.volumeFor(
                        GuestSpec.of("b").withDiskPath("/dev/vg0/b").withDiskSize(DataSize.of(1, Unit.GIB))))
                .isEmpty();
        var vol = GuestFactory.volumeFor(GuestSpec.of("c").withDiskSize(DataSize.of(20, Unit.GIB)))
                .orElseThrow();
        assertThat(vol.getName().getText()).isEqualTo("c.qcow2");
        assertThat(vol.getCapacity().size().bytes(Unit.BYTES).getAsLong()).isEqualTo(20L << 30);
        assertThat(vol.getTarget().getFormat().getType()).isEqualTo("qcow2");
    }

    @Test
    void changesNameTheChoicesMade() {
        EditResult<Domain> r = GuestFactory.withRandom(new SplittableRandom(1))
                .create(GuestSpec.of("x").withOs(OsFamily.WINDOWS));
        assertThat(r.changes())
                .extracting(Change::path)
                .contains("/domain/uuid", "/domain/clock", "/domain/devices/interface[1]");
        assertThat(r.changes()).anyMatch(c -> c.description().contains("no inbox virtio"));
    }

    @Test
    void specRefusesNonsense() {
        assertThatThrownBy(() -> GuestSpec.of("a/b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GuestSpec.of("a").withVcpus(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GuestSpec.of("a").withMemory(DataSize.of(0, Unit.KIB)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void createdLinuxGuestIsValidForLibvirtsSchema() throws Exception {
        String xml = LibvirtDocument.of(create(GuestSpec.of("lin").withInstallMedia("/iso/debian.iso")))
                .write();
        assertThat(LibvirtSchemas.errors("domain.rng", xml)).as(xml).isEmpty();
    }

    @Test
    void createdWindowsGuestsAreValidForLibvirtsSchema() throws Exception {
        for (GuestSpec spec : List.of(
                GuestSpec.of("win").withOs(OsFamily.WINDOWS),
                GuestSpec.of("win2")
                        .withOs(OsFamily.WINDOWS)
                        .withGraphics(GraphicsType.SPICE)
                        .withVirtioDriverIso("/iso/virtio-win.iso")
                        .withInstallMedia("/iso/win.iso"))) {
            String xml = LibvirtDocument.of(create(spec)).write();
            assertThat(LibvirtSchemas.errors("domain.rng", xml)).as(xml).isEmpty();
        }
    }

    @Test
    void createdGuestReadsBackEqual() throws Exception {
        Domain d = create(GuestSpec.of("rt").withOs(OsFamily.WINDOWS));
        Domain back = LibvirtXml.defaults().parseDomain(LibvirtXml.toXml(d)).root();
        assertThat(back).isEqualTo(d);
    }

    private static List<String> timers(Domain d) {
        return d.getClock().getTimer().stream()
                .map(t -> t.getName() + ":" + (t.getTickpolicy() != null ? t.getTickpolicy() : t.getPresent()))
                .toList();
    }
}
