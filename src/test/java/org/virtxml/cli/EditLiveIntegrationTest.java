package org.virtxml.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.virtxml.connect.Connector;
import org.virtxml.connect.XmlFlavor;
import org.virtxml.connect.remote.BootSector;
import org.virtxml.connect.remote.ScratchHost;

/**
 * {@code edit FILE --connect qemu:///system --live --add-disk PATH --bus usb} on a running TCG guest:
 * the disk is attached to the running guest, and the file written is the new definition (issue 12).
 * Needs -Dvirtxml.libvirt=true.
 */
@Timeout(180)
class EditLiveIntegrationTest {
    private final String name =
            "virtxml-editlive-" + UUID.randomUUID().toString().substring(0, 8);
    private ScratchHost scratch;
    private Connector connector;
    private Path directory;

    @BeforeEach
    void connect() throws IOException {
        scratch = ScratchHost.open("virtxml-editlive-").removesGuest(name);
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
    void aUsbDiskAddedToARunningGuestIsAttachedAtOnce() throws Exception {
        Path boot = Files.write(directory.resolve("boot.img"), BootSector.printing("VIRTXML-EDITLIVE"));
        Path data = Files.write(directory.resolve("data.img"), new byte[1024 * 1024]);
        String xml = "<domain type='qemu'>\n  <name>" + name + "</name>\n  <memory unit='MiB'>32</memory>\n"
                + "  <vcpu>1</vcpu>\n  <os>\n    <type arch='x86_64' machine='pc'>hvm</type>\n"
                + "    <boot dev='hd'/>\n  </os>\n  <devices>\n"
                + "    <disk type='file' device='disk'>\n      <driver name='qemu' type='raw'/>\n"
                + "      <source file='" + boot + "'/>\n      <target dev='hda' bus='ide'/>\n    </disk>\n"
                + "  </devices>\n</domain>\n";
        Path file = Files.writeString(directory.resolve("guest.xml"), xml);
        connector.defineDomain(xml);
        connector.startDomain(name);

        Path waiting = directory.resolve("waiting.xml");
        AuthoringCommandsTest.Run notLive = AuthoringCommandsTest.run(
                new EditCommand(),
                file.toString(),
                "--connect",
                "qemu:///system",
                "--add-disk",
                data.toString(),
                "--bus",
                "usb",
                "-o",
                waiting.toString());
        assertThat(notLive.status()).as(notLive.err()).isZero();
        assertThat(notLive.err())
                .contains("take effect after the guest shuts down")
                .contains("--live");
        assertThat(connector.domainXml(name, XmlFlavor.LIVE)).doesNotContain(data.toString());

        Path edited = directory.resolve("edited.xml");
        AuthoringCommandsTest.Run r = AuthoringCommandsTest.run(
                new EditCommand(),
                file.toString(),
                "--connect",
                "qemu:///system",
                "--live",
                "--add-disk",
                data.toString(),
                "--bus",
                "usb",
                "-o",
                edited.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.err()).contains("attached disk").contains("on the running guest " + name);
        assertThat(connector.domainXml(name, XmlFlavor.LIVE)).contains(data.toString());
        assertThat(connector.domainXml(name, XmlFlavor.INACTIVE))
                .as("the running guest only: the definition is the written file's, for apply")
                .doesNotContain(data.toString());
        assertThat(Files.readString(edited)).contains(data.toString()).contains("bus='usb'");
    }

    @Test
    void liveNeedsAConnection() throws Exception {
        Path file = Files.writeString(
                directory.resolve("g.xml"), "<domain type='qemu'><name>g</name><memory>1024</memory></domain>");
        AuthoringCommandsTest.Run r = AuthoringCommandsTest.run(new EditCommand(), file.toString(), "--live");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--live needs --connect URI");
    }
}
