package org.virtxml.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.virtxml.cli.AuthoringCommandsTest.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtxml.cli.AuthoringCommandsTest.Run;
import org.virtxml.connect.Connector;
import org.virtxml.connect.Connectors;
import org.virtxml.connect.remote.LibvirtDaemon;
import org.virtxml.edit.TestDocs;

/** Issue 12: {@code edit} options for the KVM guide's chapters 5 and 23. */
class EditGuideOptionsTest {
    @TempDir
    Path tmp;

    private Path copy(String resource) throws Exception {
        Path p = tmp.resolve(Path.of(resource).getFileName().toString());
        Files.copy(TestDocs.path(resource), p);
        return p;
    }

    private static Run edit(String... args) {
        return run(new EditCommand(new SplittableRandom(4), System.in), args);
    }

    @Test
    void virtioOnAWindowsGuestIsRefusedUnlessForced() throws Exception {
        Path win = copy("edit/windows-libosinfo.xml");
        byte[] before = Files.readAllBytes(win);
        Run refused = edit("--virtio", "--write", win.toString());
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.err())
                .contains("refused: the boot disk sda on sata of a Windows guest")
                .contains("no inbox virtio drivers")
                .contains("--force");
        assertThat(Files.readAllBytes(win)).as("nothing written").isEqualTo(before);

        Run forced = edit("--virtio", "--force", "--write", win.toString());
        assertThat(forced.status()).isZero();
        assertThat(forced.err()).contains("sda on sata → vda on virtio");
    }

    @Test
    void addDiskAndDescriptiveData() throws Exception {
        Path guest = copy("samples/kvm-guest.xml");
        Path owner = tmp.resolve("owner.xml");
        Files.writeString(owner, "<app:owner xmlns:app='http://example.org/app/1.0'>ops-team</app:owner>");
        Run r = edit(
                "--add-disk",
                "10G",
                "--add-disk",
                "/dev/vg0/web-data",
                "--bus",
                "scsi",
                "--set-title",
                "Web front end",
                "--set-description",
                "nginx",
                "--set-metadata",
                "http://example.org/app/1.0=" + owner,
                guest.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("<title>Web front end</title>")
                .contains("<description>nginx</description>")
                .contains("ops-team")
                .contains("<target dev='sdb' bus='scsi'/>")
                .contains("<target dev='sdc' bus='scsi'/>");
        assertThat(r.err().lines())
                .contains("/domain/title: 'Public web frontend' → 'Web front end'")
                .anyMatch(
                        l -> l.matches(
                                "/domain/devices/disk\\[3\\]/source/@file: create it: qemu-img create -f qcow2 /var/lib/libvirt/images/.*-sdb.qcow2 10737418240"));

        Run pooled = edit("--add-disk", "512", "--pool", "guests", guest.toString());
        assertThat(pooled.err())
                .as("a bare size is MiB")
                .contains("virsh vol-create-as guests ")
                .contains(" 536870912 --format qcow2");

        assertThat(edit("--pool", "guests", guest.toString()).status())
                .as("--pool without --add-disk")
                .isEqualTo(2);
        Path bad = tmp.resolve("bad.xml");
        Files.writeString(bad, "<unclosed>");
        Run badMetadata = edit("--set-metadata", "http://x/=" + bad, guest.toString());
        assertThat(badMetadata.status()).isEqualTo(2);
        assertThat(badMetadata.err()).contains("is not well-formed XML");
    }

    /** test:///default has the running guest "test" and the pool "default-pool". */
    @Test
    void withAConnectionARunningGuestIsToldAndPoolVolumesAreCreated() throws Exception {
        LibvirtDaemon.require();
        Path guest = tmp.resolve("test.xml");
        Files.writeString(
                guest,
                Files.readString(TestDocs.path("samples/kvm-guest.xml"))
                        .replaceFirst("<name>[^<]*</name>", "<name>test</name>"));
        // the test driver keeps its state while a connection is open: hold one across the edit
        try (Connector c = Connectors.open("test:///default")) {
            Run r = edit(
                    "--connect",
                    "test:///default",
                    "--set-title",
                    "running",
                    "--add-disk",
                    "1M",
                    "--pool",
                    "default-pool",
                    guest.toString());
            assertThat(r.status()).as(r.err()).isZero();
            assertThat(r.err()).contains("the guest is running: these changes take effect after the guest shuts down");
            assertThat(r.err()).contains("volume test-vdb.qcow2 created in pool default-pool");
            assertThat(c.listVolumes("default-pool")).anyMatch(v -> v.name().equals("test-vdb.qcow2"));
        }
    }

    @Test
    void cloneKeepsHostdevsOnlyWhenAskedAndNamesCopiesOutsideAnyPool() throws Exception {
        Path source = copy("edit/clone-hostdevs.xml");
        Run dropped = run(new CloneCommand(new SplittableRandom(5), System.in), "--name", "newdemo", source.toString());
        assertThat(dropped.status()).as(dropped.err()).isZero();
        assertThat(dropped.out()).doesNotContain("<hostdev").doesNotContain("type='hostdev'");
        assertThat(dropped.err().lines()).filteredOn(l -> l.contains("removed")).hasSize(2);

        Run kept = run(
                new CloneCommand(new SplittableRandom(5), System.in),
                "--name",
                "newdemo",
                "--keep-hostdevs",
                source.toString());
        assertThat(kept.out()).contains("<hostdev").contains("type='hostdev'");

        // mem:/// is an empty host: no pool holds the images, so each copy is left to the user
        Run offHost = run(
                new CloneCommand(new SplittableRandom(5), System.in),
                "--name",
                "newdemo",
                "--connect",
                "mem:///empty",
                source.toString());
        assertThat(offHost.status()).as(offHost.err()).isZero();
        assertThat(offHost.err().lines())
                .contains(
                        "/domain/devices/disk[3]/source/@file: not a volume of an active storage pool: copy the image:"
                                + " cp --sparse=always /var/lib/libvirt/images/scratch.img /var/lib/libvirt/images/scratch-newdemo.img");
        assertThat(offHost.err().lines())
                .as("vdd names pool 'guests', which mem:///empty lacks")
                .contains(
                        "/domain/devices/disk[4]/source/@volume: not a volume of an active storage pool: copy the image: virsh vol-clone --pool guests"
                                + " demo-logs.qcow2 newdemo-logs.qcow2");
    }
}
