package org.virtxml.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.virtxml.cli.AuthoringCommandsTest.run;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.virtxml.cli.AuthoringCommandsTest.Run;
import org.virtxml.io.LibvirtXml;
import org.virtxml.model.Unit;
import org.virtxml.model.domain.Disk;
import org.virtxml.model.domain.Domain;

/** Issue 12: {@code new} as a reader of the KVM guide's chapter 3 expects it. */
class NewGuestOptionsTest {

    private static Domain guest(String... args) throws Exception {
        Run r = run(new NewCommand(new SplittableRandom(11)), args);
        assertThat(r.status()).as(r.err()).isZero();
        return LibvirtXml.defaults().parseDomain(r.out()).root();
    }

    @Test
    void aSizeWithoutAUnitIsMebibytesAsInVirtInstall() throws Exception {
        Domain d = guest("--name", "small", "--memory", "1024");
        assertThat(d.getMemory().size().kibibytes(Unit.KIB).getAsLong()).isEqualTo(1024L * 1024);
        Run r = run(new NewCommand(new SplittableRandom(11)), "--volume", "--name", "v.qcow2", "--capacity", "10");
        assertThat(r.status()).isZero();
        assertThat(r.out())
                .as("a volume's bare capacity stays bytes, as libvirt reads it")
                .contains(">10<");
    }

    @Test
    void whatFailsItsOwnLintIsNotWritten() {
        Run vcpus = run(new NewCommand(), "--name", "big", "--vcpus", "300");
        assertThat(vcpus.status()).isEqualTo(2);
        assertThat(vcpus.out()).isEmpty();
        assertThat(vcpus.err()).contains("[vcpu-limit]").contains("nothing written");

        Run format = run(new NewCommand(), "--volume", "--name", "v", "--capacity", "1G", "--format", "bogus");
        assertThat(format.status()).isEqualTo(2);
        assertThat(format.out()).isEmpty();
        assertThat(format.err()).contains("[volume-format-invalid]").contains("bogus");
    }

    @Test
    void osFamiliesCarryTheirDefaults() throws Exception {
        for (String linux : List.of("rhel", "centos", "fedora", "debian", "ubuntu", "linux")) {
            Domain d = guest("--name", "g-" + linux, "--os", linux);
            assertThat(d.getDevices().getDisk().get(0).getTarget().getBus()).isEqualTo("virtio");
            assertThat(d.getDevices().getInterface().get(0).getModel().getType())
                    .isEqualTo("virtio");
            assertThat(d.getClock().getOffset()).isEqualTo("utc");
            assertThat(d.getOs().getType().getMachine()).isEqualTo("q35");
        }
        Domain win11 = guest("--name", "w11", "--os", "win11");
        assertThat(win11.getOs().getFirmwareAttribute()).isEqualTo("efi");
        assertThat(win11.getDevices().getTpm()).hasSize(1);
        assertThat(win11.getDevices().getTpm().get(0).getBackend().getVersion()).isEqualTo("2.0");
        assertThat(win11.getDevices().getDisk().get(0).getTarget().getBus()).isEqualTo("sata");
        assertThat(win11.getDevices().getInterface().get(0).getModel().getType())
                .isEqualTo("e1000e");
        assertThat(win11.getClock().getOffset()).isEqualTo("localtime");
        for (String win : List.of("win10", "winserver", "windows")) {
            Domain d = guest("--name", "g-" + win, "--os", win);
            assertThat(d.getOs().getFirmwareAttribute()).isNull();
            assertThat(d.getDevices().getTpm()).isEmpty();
            assertThat(d.getFeatures().getHyperv()).isNotNull();
        }
        Domain bsd = guest("--name", "bsd", "--os", "freebsd");
        assertThat(bsd.getDevices().getDisk().get(0).getTarget().getBus()).isEqualTo("virtio");
        assertThat(bsd.getClock().getOffset()).isEqualTo("utc");
        assertThat(bsd.getClock().getTimer()).isEmpty();

        Domain other = guest("--name", "legacy", "--os", "other", "--cdrom", "/iso/dos.iso");
        assertThat(other.getOs().getType().getMachine()).isEqualTo("pc");
        assertThat(other.getDevices().getDisk())
                .extracting(disk ->
                        disk.getTarget().getDev() + " " + disk.getTarget().getBus())
                .containsExactly("hda ide", "hdb ide");
        assertThat(other.getDevices().getInterface().get(0).getModel().getType())
                .isEqualTo("e1000");
        assertThat(other.getDevices().getMemballoon().getModel()).isEqualTo("none");
        assertThat(other.getDevices().getRng()).isEmpty();

        assertThat(run(new NewCommand(), "--name", "x", "--os", "other", "--virtio-iso", "/v.iso")
                        .status())
                .isEqualTo(2);
    }

    @Test
    void pxeUefiTpmAndNoGraphics() throws Exception {
        Domain d = guest("--name", "netboot", "--pxe", "--uefi", "--tpm", "--graphics", "none");
        assertThat(d.getOs().getBoot()).extracting(b -> b.getDev()).containsExactly("network", "hd");
        assertThat(d.getOs().getFirmwareAttribute()).isEqualTo("efi");
        assertThat(d.getDevices().getTpm()).hasSize(1);
        assertThat(d.getDevices().getGraphics()).isEmpty();
        assertThat(d.getDevices().getVideo()).isEmpty();
        assertThat(d.getDevices().getConsole()).hasSize(1);
    }

    @Test
    void bridgeNicsAndSeveralDisks() throws Exception {
        Domain viaNetwork = guest("--name", "lan1", "--network", "bridge=br0");
        assertThat(viaNetwork.getDevices().getInterface().get(0).getType()).isEqualTo("bridge");
        assertThat(viaNetwork.getDevices().getInterface().get(0).getSource().getBridge())
                .isEqualTo("br0");

        Domain viaBridge = guest("--name", "lan2", "--os", "debian", "--bridge", "br1");
        assertThat(viaBridge.getDevices().getInterface().get(0).getType()).isEqualTo("bridge");
        assertThat(viaBridge.getDevices().getInterface().get(0).getSource().getBridge())
                .isEqualTo("br1");

        Domain two = guest("--name", "db", "--disk", "/srv/vms/db.qcow2", "--disk", "/dev/vg0/db-data");
        List<Disk> disks = two.getDevices().getDisk();
        assertThat(disks).extracting(disk -> disk.getTarget().getDev()).containsExactly("vda", "vdb");
        assertThat(disks.get(0).getSource().getFile()).isEqualTo("/srv/vms/db.qcow2");
        assertThat(disks.get(1).getSource().getDev()).isEqualTo("/dev/vg0/db-data");
        assertThat(disks.get(1).getDriver().getType()).isEqualTo("raw");
    }

    @Test
    void aVhbaPoolGetsAnFcHostAdapter() {
        Run r = run(
                new NewCommand(),
                "--pool",
                "scsi",
                "--name",
                "vhba",
                "--target",
                "/dev/disk/by-path",
                "--adapter",
                "fc_host:parent=scsi_host5,wwnn=20000000c9831b4b,wwpn=10000000c9831b4b");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("<adapter type=\"fc_host\" parent=\"scsi_host5\" wwnn=\"20000000c9831b4b\""
                        + " wwpn=\"10000000c9831b4b\"/>");
        Run noParent = run(
                new NewCommand(),
                "--pool",
                "scsi",
                "--name",
                "vhba",
                "--target",
                "/dev/disk/by-path",
                "--adapter",
                "fc_host:wwnn=20000000c9831b4b,wwpn=10000000c9831b4b");
        assertThat(noParent.out()).contains("<adapter type=\"fc_host\" wwnn=");
        Run bad = run(
                new NewCommand(),
                "--pool",
                "scsi",
                "--name",
                "vhba",
                "--target",
                "/dev/disk/by-path",
                "--adapter",
                "fc_host:wwnn=xyz");
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).contains("wwnn must be 16 hex digits");
    }

    @Test
    void theNodeDeviceNameOfAPciDeviceIsAnAddress() throws Exception {
        java.nio.file.Path guest = java.nio.file.Files.createTempFile("guest", ".xml");
        try {
            java.nio.file.Files.writeString(
                    guest,
                    run(new NewCommand(new SplittableRandom(2)), "--name", "p").out());
            Run r = run(
                    new EditCommand(new SplittableRandom(2), System.in),
                    "--add-hostdev",
                    "pci_0000_00_1a_7",
                    guest.toString());
            assertThat(r.status()).as(r.err()).isZero();
            assertThat(r.out()).contains("bus=\"0x00\" slot=\"0x1a\" function=\"0x7\"");
        } finally {
            java.nio.file.Files.deleteIfExists(guest);
        }
        assertThat(org.virtxml.model.PciAddress.parse("pci_0000_03_10_2")
                        .sameValueAs(org.virtxml.model.PciAddress.parse("0000:03:10.2")))
                .isTrue();
    }
}
