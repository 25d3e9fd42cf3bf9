package org.virtxml.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtxml.io.LibvirtXml;
import org.virtxml.model.domain.Domain;
import picocli.CommandLine;

class AuthoringCommandsTest {
    @TempDir
    Path tmp;

    record Run(int status, String out, String err) {}

    static Run run(Object command, String... args) {
        CommandLine cl = new CommandLine(command);
        cl.getCommandSpec().exitCodeOnInvalidInput(2);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int status = cl.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    private static String sample(String name) throws Exception {
        return Path.of(AuthoringCommandsTest.class.getResource("/" + name).toURI())
                .toString();
    }

    @Test
    void newWritesAGuestAndReportsItsChoices() throws Exception {
        Run r = run(
                new NewCommand(new SplittableRandom(5)),
                "--name",
                "web01",
                "--memory",
                "4G",
                "--vcpus",
                "3",
                "--os",
                "windows",
                "--virtio-iso",
                "/iso/virtio-win.iso");
        assertThat(r.status()).isZero();
        Domain d = LibvirtXml.defaults().parseDomain(r.out()).root();
        assertThat(d.getMemory().size().kibibytes(org.virtxml.model.Unit.KIB).getAsLong())
                .isEqualTo(4L << 20);
        assertThat(d.getDevices().getDisk()).hasSize(2);
        assertThat(r.err().lines()).anyMatch(l -> l.startsWith("/domain/uuid: generated "));
        assertThat(r.err().lines()).anyMatch(l -> l.contains("virtio driver ISO attached"));
    }

    @Test
    void newRefusesBadChoicesAsUsage() {
        assertThat(run(new NewCommand(), "--name", "x", "--os", "beos").status())
                .isEqualTo(2);
        assertThat(run(new NewCommand(), "--name", "x", "--memory", "lots").status())
                .isEqualTo(2);
        assertThat(run(new NewCommand(), "--name", "x", "--virtio-iso", "/v.iso")
                        .status())
                .isEqualTo(2);
        assertThat(run(new NewCommand()).status()).as("--name missing").isEqualTo(2);
    }

    @Test
    void newPoolAndVolume() throws Exception {
        Run pool = run(
                new NewCommand(),
                "--pool",
                "netfs",
                "--name",
                "iso",
                "--host",
                "nas.example.org",
                "--source-dir",
                "/export/iso",
                "--format",
                "nfs",
                "--target",
                "/var/lib/libvirt/iso");
        assertThat(pool.status()).isZero();
        assertThat(LibvirtXml.defaults()
                        .parsePool(pool.out())
                        .root()
                        .getSource()
                        .getDir()
                        .getPath())
                .isEqualTo("/export/iso");
        Run missing = run(new NewCommand(), "--pool", "netfs", "--name", "iso", "--target", "/mnt");
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).contains("<source><host name>");
        Run vol = run(
                new NewCommand(),
                "--volume",
                "--name",
                "d.qcow2",
                "--capacity",
                "40GiB",
                "--format",
                "qcow2",
                "--permissions",
                "0600:107:107");
        assertThat(vol.status()).isZero();
        assertThat(vol.out()).contains("<capacity unit=\"GiB\">40</capacity>");
    }

    @Test
    void cloneToAFileReportsEachChange() throws Exception {
        Path out = tmp.resolve("replica.xml");
        Run r = run(
                new CloneCommand(new SplittableRandom(9), System.in),
                "--name",
                "db-replica",
                sample("edit/clone-source.xml"),
                "-o",
                out.toString());
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEmpty();
        Domain c = LibvirtXml.defaults().readDomain(out).root();
        assertThat(c.getName().getText()).isEqualTo("db-replica");
        assertThat(r.err().lines())
                .contains(
                        "/domain/name: db-primary → db-replica",
                        "/domain/os/nvram: /var/lib/libvirt/qemu/nvram/db-primary_VARS.fd → /var/lib/libvirt/qemu/nvram/db-replica_VARS.fd");
        assertThat(r.err().lines())
                .as("then the copies the user must make (issue 12)")
                .contains(
                        "/domain/devices/disk[1]/source/@file: copy the image: qemu-img convert -O qcow2 /var/lib/libvirt/images/db-primary.qcow2"
                                + " /var/lib/libvirt/images/db-replica.qcow2",
                        "/domain/os/nvram: copy the image: cp --sparse=always /var/lib/libvirt/qemu/nvram/db-primary_VARS.fd"
                                + " /var/lib/libvirt/qemu/nvram/db-replica_VARS.fd");
        assertThat(r.err().lines().count()).as("10 changes and 3 copies").isEqualTo(13);
    }

    @Test
    void cloneFromStandardInput() throws Exception {
        byte[] xml = Files.readAllBytes(Path.of(sample("samples/kvm-guest.xml")));
        Run r = run(new CloneCommand(new SplittableRandom(1), new ByteArrayInputStream(xml)), "--name", "web-02", "-");
        assertThat(r.status()).isZero();
        assertThat(LibvirtXml.defaults()
                        .parseDomain(r.out())
                        .root()
                        .getDevices()
                        .getDisk()
                        .get(0)
                        .getSource()
                        .getFile())
                .isEqualTo("/var/lib/libvirt/images/web-02.qcow2");
    }

    @Test
    void cloneExitStatuses() throws Exception {
        Path running = tmp.resolve("running.xml");
        Files.writeString(running, "<domain type='kvm' id='7'><name>r</name></domain>");
        Run refused = run(new CloneCommand(), "--name", "r2", running.toString());
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.err()).contains("refused").contains("running");
        assertThat(run(
                                new CloneCommand(),
                                "--name",
                                "x",
                                tmp.resolve("nope.xml").toString())
                        .status())
                .isEqualTo(2);
        Path broken = tmp.resolve("broken.xml");
        Files.writeString(broken, "<domain><name>x</domain>");
        assertThat(run(new CloneCommand(), "--name", "x", broken.toString()).status())
                .isEqualTo(1);
        assertThat(run(new CloneCommand(), "--name", "x", sample("samples/dir-pool.xml"))
                        .status())
                .isEqualTo(2);
        assertThat(run(new CloneCommand(), "--name", "x", "--write", "-").status())
                .isEqualTo(2);
    }

    @Test
    void editVirtioWritesBackAndKeepsCommentsRule() throws Exception {
        Path file = tmp.resolve("ide.xml");
        Files.copy(Path.of(sample("samples/ide-guest.xml")), file);
        Run r = run(new EditCommand(), "--virtio", "--write", file.toString());
        assertThat(r.status()).isZero();
        assertThat(r.err().lines())
                .containsExactly(
                        "/domain/devices/disk[1]/target: hda on ide → vda on virtio",
                        "/domain/devices/disk[1]/address: removed stale drive address (libvirt assigns a PCI one)",
                        "/domain/devices/interface[1]/model/@type: e1000 → virtio");
        assertThat(LibvirtXml.defaults()
                        .readDomain(file)
                        .root()
                        .getDevices()
                        .getDisk()
                        .get(0)
                        .getTarget()
                        .getDev())
                .isEqualTo("vda");

        Path commented = tmp.resolve("commented.xml");
        Files.writeString(
                commented,
                "<!-- keep me --><domain type='kvm'><name>c</name><devices>"
                        + "<disk type='file' device='disk'><target dev='hda' bus='ide'/></disk></devices></domain>");
        String before = Files.readString(commented);
        assertThat(run(new EditCommand(), "--virtio", "--write", commented.toString())
                        .status())
                .isZero();
        assertThat(Files.readString(commented))
                .isEqualTo(before.replace("dev='hda' bus='ide'", "dev='vda' bus='virtio'"));
        assertThat(run(new EditCommand(), "--write", "--drop-comments", commented.toString())
                        .status())
                .isZero();
        assertThat(Files.readString(commented))
                .startsWith("<domain type='kvm'>")
                .doesNotContain("keep me");
    }

    @Test
    void editNetworksAndRefusals() throws Exception {
        Run r = run(
                new EditCommand(new SplittableRandom(4), System.in),
                "--add-bridge",
                "br0",
                "--add-sriov",
                "0000:03:10.2",
                "--add-hostdev",
                "0000:06:00.0",
                "--remove-interface",
                "52:54:00:3A:7C:15",
                sample("samples/kvm-guest.xml"));
        assertThat(r.status()).isZero();
        Domain d = LibvirtXml.defaults().parseDomain(r.out()).root();
        assertThat(d.getDevices().getInterface()).extracting(i -> i.getType()).containsExactly("bridge", "hostdev");
        assertThat(d.getDevices().getHostdev()).hasSize(1);
        assertThat(r.err().lines()).hasSize(4);
        Run refused =
                run(new EditCommand(), "--remove-interface", "52:54:00:00:00:01", sample("samples/kvm-guest.xml"));
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.out()).isEmpty();
        Run noOperation = run(new EditCommand(), sample("samples/kvm-guest.xml"));
        assertThat(noOperation.status()).as("no operation").isZero();
        assertThat(noOperation.out())
                .as("no operation: the file's bytes")
                .isEqualTo(Files.readString(Path.of(sample("samples/kvm-guest.xml"))));
        assertThat(noOperation.err()).isEmpty();
        assertThat(run(new EditCommand(), "--add-sriov", "zz:zz", sample("samples/kvm-guest.xml"))
                        .status())
                .isEqualTo(2);
        Run replaced = run(
                new EditCommand(),
                "--replace-interface",
                "52:54:00:3a:7c:15=direct:eth0",
                sample("samples/kvm-guest.xml"));
        assertThat(replaced.status()).isZero();
        var nic = LibvirtXml.defaults()
                .parseDomain(replaced.out())
                .root()
                .getDevices()
                .getInterface()
                .get(0);
        assertThat(nic.getType()).isEqualTo("direct");
        assertThat(nic.getSource().getDev()).isEqualTo("eth0");
        assertThat(nic.getSource().getMode()).isEqualTo("bridge");
        assertThat(nic.getMac().getAddress().text()).isEqualTo("52:54:00:3a:7c:15");
    }

    @Test
    void diffExitsOneWithDifferencesAndZeroWithout() throws Exception {
        Path a = tmp.resolve("a.xml");
        Path b = tmp.resolve("b.xml");
        Files.writeString(a, "<domain type='kvm'><name>x</name><memory unit='GiB'>1</memory></domain>");
        Files.writeString(b, "<domain type='kvm'><name>x</name><memory unit='KiB'>1048576</memory></domain>");
        Run same = run(new DiffCommand(), a.toString(), b.toString());
        assertThat(same.status()).isZero();
        assertThat(same.out()).isEmpty();
        Run differ = run(new DiffCommand(), sample("samples/kvm-guest.xml"), sample("samples/ide-guest.xml"));
        assertThat(differ.status()).isEqualTo(1);
        assertThat(differ.out().lines()).contains("/domain/name: web-frontend-01 → legacy-erp");
        Run json = run(new DiffCommand(), "--format", "json", a.toString(), sample("samples/kvm-guest.xml"));
        assertThat(json.status()).isEqualTo(1);
        assertThat(json.out()).startsWith("{\"a\":").contains("\"equal\":false").contains("\"path\":\"/domain/name\"");
        assertThat(run(
                                new DiffCommand(),
                                a.toString(),
                                tmp.resolve("missing.xml").toString())
                        .status())
                .isEqualTo(2);
    }

    @Test
    void describeSummarizesDomainsPoolsAndVolumes() throws Exception {
        Run d = run(new DescribeCommand(), sample("samples/ide-guest.xml"));
        assertThat(d.status()).isZero();
        assertThat(d.out())
                .contains(
                        "name: legacy-erp",
                        "vcpus: 2",
                        "memory: 4 GiB",
                        "boot order: cdrom, hd",
                        "target hda, bus ide, device disk, format qcow2",
                        "type network, source network default, mac 52:54:00:91:0e:42, model e1000");
        Run pool = run(new DescribeCommand(), "--format", "json", sample("samples/iscsi-pool.xml"));
        assertThat(pool.out())
                .contains("\"type\":\"iscsi\"")
                .contains("\"initiator\":\"iqn.2024-11.net.example.compute:hv07\"");
        Run vol = run(
                new DescribeCommand(
                        new ByteArrayInputStream(Files.readAllBytes(Path.of(sample("samples/qcow2-volume.xml"))))),
                "-");
        assertThat(vol.out())
                .contains("capacity: 40 GiB", "format: qcow2", "permissions: mode 0600, owner 107, group 107");
        assertThat(run(new DescribeCommand(), tmp.resolve("none.xml").toString())
                        .status())
                .isEqualTo(2);
    }
}
