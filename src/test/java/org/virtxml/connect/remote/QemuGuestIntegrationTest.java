package org.virtxml.connect.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.virtxml.connect.Connector;
import org.virtxml.connect.DomainState;
import org.virtxml.connect.XmlFlavor;

/**
 * Boots a real guest through {@code qemu:///system}: a boot sector written here prints a random
 * marker on the serial port, which libvirt sends to a file. Runs under TCG ({@code type='qemu'}) and,
 * where libvirt can use /dev/kvm, under KVM. Needs -Dvirtxml.libvirt=true and root (to read the log).
 */
@Timeout(180)
class QemuGuestIntegrationTest {
    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(90);

    private ScratchHost scratch;
    private Connector connector;
    private Path directory;
    private String domainName;

    @BeforeEach
    void connect() throws IOException {
        scratch = ScratchHost.open("virtxml-guest-");
        connector = scratch.connector();
        directory = scratch.folder();
    }

    @AfterEach
    void cleanUp() throws IOException {
        if (scratch != null) {
            scratch.close();
        }
    }

    @Test
    void tcgGuestBootsAndPrintsItsMarker() throws Exception {
        bootAndReadMarker("qemu");
        System.out.println("virtxml: boot-sector guest ran under TCG (type='qemu')");
    }

    @Test
    void kvmGuestBootsAndPrintsItsMarker() throws Exception {
        if (!Files.exists(Path.of("/dev/kvm"))) {
            LibvirtDaemon.skip(
                    "SKIPPED: KVM guest test: /dev/kvm does not exist on this machine (the TCG test still ran)");
        }
        if (!connector.capabilitiesXml().contains("<domain type='kvm'")) {
            LibvirtDaemon.skip(
                    "SKIPPED: KVM guest test: libvirt does not offer type='kvm' (can libvirt-qemu open /dev/kvm?"
                            + " .ci/libvirt-up.sh sets group kvm, mode 0660)");
        }
        bootAndReadMarker("kvm");
        System.out.println("virtxml: boot-sector guest ran under KVM (type='kvm')");
    }

    private void bootAndReadMarker(String virtType) throws Exception {
        String marker = "VIRTXML-" + virtType.toUpperCase() + "-" + UUID.randomUUID();
        Path image = directory.resolve("boot.img");
        Path serial = directory.resolve("serial.log");
        Files.write(image, BootSector.printing(marker));
        domainName = "virtxml-" + virtType + "-" + UUID.randomUUID().toString().substring(0, 8);
        scratch.removesGuest(domainName);
        String xml = "<domain type='" + virtType + "'>\n"
                + "  <name>" + domainName + "</name>\n"
                + "  <memory unit='MiB'>32</memory>\n"
                + "  <vcpu>1</vcpu>\n"
                + "  <os><type arch='x86_64' machine='pc'>hvm</type><boot dev='hd'/></os>\n"
                + "  <devices>\n"
                + "    <disk type='file' device='disk'>\n"
                + "      <driver name='qemu' type='raw'/>\n"
                + "      <source file='" + image + "'/>\n"
                + "      <target dev='hda' bus='ide'/>\n"
                + "    </disk>\n"
                + "    <serial type='file'><source path='" + serial + "'/><target port='0'/></serial>\n"
                + "  </devices>\n"
                + "</domain>\n";
        connector.defineDomain(xml);
        assertThat(connector.lookupDomain(domainName).state()).isEqualTo(DomainState.SHUTOFF);
        connector.startDomain(domainName);
        assertThat(connector.lookupDomain(domainName).state()).isEqualTo(DomainState.RUNNING);
        assertThat(connector.domainXml(domainName, XmlFlavor.LIVE)).contains("type='" + virtType + "'");

        String output = SerialLog.awaitMarker(serial, marker, BOOT_TIMEOUT);
        assertThat(output).as("serial output of the %s guest", virtType).contains(marker);

        connector.destroyDomain(domainName);
        assertThat(connector.lookupDomain(domainName).state()).isEqualTo(DomainState.SHUTOFF);
        connector.undefineDomain(domainName);
        assertThat(connector.findDomain(domainName)).isEmpty();
    }
}
