package org.virtxml.connect.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.virtxml.connect.Connector;
import org.virtxml.connect.DeviceScope;
import org.virtxml.connect.XmlFlavor;

/**
 * Attach, update and detach devices of a running TCG guest through {@code qemu:///system} (the
 * test driver has none of these). A USB disk (no guest cooperation needed to unplug it) and a NIC
 * whose link goes down. Needs -Dvirtxml.libvirt=true.
 */
@Timeout(180)
class QemuDevicesIntegrationTest {
    /** A user-mode (slirp) NIC: nothing on the host to set up; its link state changes live. */
    private static final String NIC =
            "<interface type='user'><mac address='52:54:00:5e:77:01'/><model type='e1000'/></interface>";

    private final String name =
            "virtxml-devices-" + UUID.randomUUID().toString().substring(0, 8);
    private ScratchHost scratch;
    private Connector connector;
    private Path directory;

    @BeforeEach
    void connect() throws IOException {
        scratch = ScratchHost.open("virtxml-devices-").removesGuest(name);
        connector = scratch.connector();
        directory = scratch.folder();
    }

    @AfterEach
    void cleanUp() throws IOException {
        if (scratch != null) {
            scratch.close();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void attachUpdateAndDetachOnARunningGuest() throws IOException {
        Path boot = Files.write(directory.resolve("boot.img"), BootSector.printing("VIRTXML-DEVICES"));
        Path data = Files.write(directory.resolve("data.img"), new byte[1024 * 1024]);
        connector.defineDomain("<domain type='qemu'><name>" + name
                + "</name><memory unit='MiB'>32</memory><vcpu>1</vcpu>"
                + "<os><type arch='x86_64' machine='pc'>hvm</type><boot dev='hd'/></os><devices>"
                + "<disk type='file' device='disk'><driver name='qemu' type='raw'/><source file='" + boot + "'/>"
                + "<target dev='hda' bus='ide'/></disk>"
                + NIC + "</devices></domain>");
        connector.startDomain(name);
        String usbDisk = "<disk type='file' device='disk'><driver name='qemu' type='raw'/><source file='" + data + "'/>"
                + "<target dev='sdb' bus='usb'/></disk>";

        connector.attachDevice(name, usbDisk, EnumSet.of(DeviceScope.LIVE, DeviceScope.CONFIG));
        assertThat(connector.domainXml(name, XmlFlavor.LIVE)).contains("dev='sdb'");
        assertThat(connector.domainXml(name, XmlFlavor.INACTIVE)).contains("dev='sdb'");

        connector.updateDevice(name, NIC.replace("<model", "<link state='down'/><model"), EnumSet.of(DeviceScope.LIVE));
        assertThat(connector.domainXml(name, XmlFlavor.LIVE)).contains("<link state='down'/>");
        assertThat(connector.domainXml(name, XmlFlavor.INACTIVE)).doesNotContain("<link state='down'/>");

        connector.detachDevice(name, usbDisk, EnumSet.of(DeviceScope.LIVE, DeviceScope.CONFIG));
        assertThat(connector.domainXml(name, XmlFlavor.INACTIVE)).doesNotContain("dev='sdb'");
        long deadline = System.nanoTime() + 10_000_000_000L; // qemu reports the unplug with an event
        while (connector.domainXml(name, XmlFlavor.LIVE).contains("dev='sdb'") && System.nanoTime() < deadline) {
            sleep();
        }
        assertThat(connector.domainXml(name, XmlFlavor.LIVE)).doesNotContain("dev='sdb'");
        assertThat(connector.calls().of("DOMAIN_ATTACH_DEVICE_FLAGS")).isEqualTo(1);
        assertThat(connector.calls().of("DOMAIN_UPDATE_DEVICE_FLAGS")).isEqualTo(1);
        assertThat(connector.calls().of("DOMAIN_DETACH_DEVICE_FLAGS")).isEqualTo(1);
    }
}
