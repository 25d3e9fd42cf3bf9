package org.virtxml.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.virtxml.cli.AuthoringCommandsTest.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.virtxml.cli.AuthoringCommandsTest.Run;
import org.virtxml.connect.Connector;
import org.virtxml.connect.DomainState;
import org.virtxml.connect.VolumeSummary;
import org.virtxml.connect.remote.BootSector;
import org.virtxml.connect.remote.ScratchHost;
import org.virtxml.connect.remote.SerialLog;
import org.virtxml.io.LibvirtXml;
import org.virtxml.model.domain.Domain;

/**
 * Issue 12 on the real daemon: {@code clone --connect} copies a guest's disk, a volume of a dir
 * pool, with libvirt's volume clone; the new volume holds the same bytes and the clone boots from
 * it under TCG (the source's volume is wiped first, so the marker can only come from the copy).
 * Needs -Dvirtxml.libvirt=true and root.
 */
@Timeout(180)
class CloneOnHostIntegrationTest {
    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(90);
    private static final int SIZE = 1 << 20;

    private ScratchHost scratch;
    private Connector host;
    private Path directory;
    private String pool;
    private String cloneName;

    @BeforeEach
    void connect() throws IOException {
        scratch = ScratchHost.open("virtxml-clone-");
        host = scratch.connector();
        directory = scratch.folder();
        pool = "virtxml-clone-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void cleanUp() throws IOException {
        if (scratch == null) {
            return;
        }
        try {
            scratch.removeGuests();
            if (host.listStoragePools().stream().anyMatch(p -> p.name().equals(pool))) {
                for (VolumeSummary v : host.listVolumes(pool)) {
                    host.deleteVolume(pool, v.name());
                }
                host.stopStoragePool(pool);
                host.undefineStoragePool(pool);
            }
        } finally {
            scratch.close();
        }
    }

    @Test
    void cloneCopiesThePoolVolumeAndTheCloneBoots() throws Exception {
        host.defineStoragePool(
                "<pool type='dir'><name>" + pool + "</name><target><path>" + directory + "</path></target></pool>");
        host.startStoragePool(pool);
        VolumeSummary source = host.createVolume(
                pool,
                "<volume><name>disk.img</name><capacity unit='bytes'>" + SIZE
                        + "</capacity><target><format type='raw'/></target></volume>");
        String marker = "VIRTXML-CLONE-" + UUID.randomUUID();
        byte[] content = new byte[SIZE];
        new SplittableRandom(12).nextBytes(content);
        byte[] boot = BootSector.printing(marker);
        System.arraycopy(boot, 0, content, 0, boot.length);
        write(Path.of(source.key()), content);

        String sourceName = pool + "-src";
        Path serial = directory.resolve("serial.log");
        Path guest = directory.resolve("source.xml");
        Files.writeString(
                guest,
                "<domain type='qemu'>\n  <name>" + sourceName + "</name>\n"
                        + "  <memory unit='MiB'>32</memory>\n  <vcpu>1</vcpu>\n"
                        + "  <os><type arch='x86_64' machine='pc'>hvm</type><boot dev='hd'/></os>\n"
                        + "  <devices>\n    <disk type='file' device='disk'>\n      <driver name='qemu' type='raw'/>\n"
                        + "      <source file='" + source.key()
                        + "'/>\n      <target dev='hda' bus='ide'/>\n    </disk>\n"
                        + "    <serial type='file'><source path='" + serial + "'/><target port='0'/></serial>\n"
                        + "  </devices>\n</domain>\n");

        cloneName = pool + "-copy";
        scratch.removesGuest(cloneName);
        Path out = directory.resolve("clone.xml");
        Run r = run(
                new CloneCommand(new SplittableRandom(3), System.in),
                "--connect",
                "qemu:///system",
                "--name",
                cloneName,
                guest.toString(),
                "-o",
                out.toString());
        assertThat(r.status()).as(r.err()).isZero();
        String newPath = directory + "/disk-" + cloneName + ".img";
        assertThat(r.err())
                .contains("hda: copying volume disk.img of pool " + pool)
                .contains("/domain/devices/disk[1]/source/@file: volume disk-" + cloneName + ".img of pool " + pool
                        + " (" + newPath + ") cloned from disk.img");
        assertThat(host.listVolumes(pool))
                .extracting(VolumeSummary::name)
                .contains("disk.img", "disk-" + cloneName + ".img");
        assertThat(Arrays.equals(Files.readAllBytes(Path.of(newPath)), content))
                .as("same content")
                .isTrue();

        Domain clone = LibvirtXml.defaults().readDomain(out).root();
        assertThat(clone.getDevices().getDisk().get(0).getSource().getFile()).isEqualTo(newPath);

        write(Path.of(source.key()), new byte[SIZE]); // the marker can come only from the copy now
        host.defineDomain(Files.readString(out));
        host.startDomain(cloneName);
        String output = SerialLog.awaitMarker(serial, marker, BOOT_TIMEOUT);
        assertThat(output).as("serial output of the clone").contains(marker);
        host.destroyDomain(cloneName);
        assertThat(host.lookupDomain(cloneName).state()).isEqualTo(DomainState.SHUTOFF);
        System.out.println(
                "virtxml: clone --connect copied a " + SIZE + "-byte dir-pool volume; the clone booted under TCG");
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(bytes), 0);
        }
    }
}
