package org.virtxml.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.virtxml.cli.ApplyCommand;
import org.virtxml.connect.CallCounts;
import org.virtxml.connect.Connector;
import org.virtxml.connect.Connectors;
import org.virtxml.connect.DomainState;
import org.virtxml.connect.XmlFlavor;
import org.virtxml.connect.remote.BootSector;
import org.virtxml.connect.remote.LibvirtDaemon;
import org.virtxml.connect.remote.LibvirtUri;
import org.virtxml.connect.rpc.RemoteProcedure;
import org.virtxml.edit.network.NetworkFactory;
import org.virtxml.io.LibvirtDocument;
import picocli.CommandLine;

/**
 * apply against the real daemon: linear cost, no write on a re-apply, the whole truth when a start
 * fails or the connection drops, and a NAT network with a TCG guest on it. Needs
 * -Dvirtxml.libvirt=true. test:///default forgets its state when its last connection closes, so
 * each test on it holds one connection open throughout.
 */
@Timeout(300)
class ApplyDaemonIntegrationTest {
    private static final Path IMAGES = Path.of("/var/lib/libvirt/images");
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    private static List<Path> testGuests(Path dir, int n, String prefix) throws Exception {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = prefix + "-" + i;
            files.add(
                    Files.writeString(
                            dir.resolve(name + ".xml"),
                            "<domain type='test'>\n  <name>" + name + "</name>\n"
                                    + "  <uuid>" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8))
                                    + "</uuid>\n"
                                    + "  <memory unit='MiB'>64</memory>\n  <vcpu>1</vcpu>\n  <os><type arch='x86_64'>hvm</type></os>\n</domain>\n"));
        }
        return files;
    }

    private static int run(StringWriter out, String... args) {
        CommandLine cl = new CommandLine(new ApplyCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(out));
        return cl.execute(args);
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 50})
    void onTheTestDriverApplyingNDocumentsIsLinearAndAReApplyWritesNothing(int n, @TempDir Path dir) throws Exception {
        LibvirtDaemon.require();
        String prefix = "virtxml-lin-" + suffix;
        List<Path> files = testGuests(dir, n, prefix);
        try (Connector c = Connectors.open("test:///default")) {
            int hostGuests = c.listDomains().size();
            try {
                CallCounts start = c.calls();
                ApplyReport first = Applier.to(c).apply(files);
                CallCounts firstCalls = c.calls().since(start);
                assertThat(first.status()).as(first.reason()).isEqualTo(ApplyReport.Status.APPLIED);
                assertThat(firstCalls.total())
                        .as(firstCalls.toString())
                        .isLessThanOrEqualTo(ApplyCallsTest.PER_DOCUMENT * n + 5L * hostGuests + 10);

                CallCounts before = c.calls();
                ApplyReport again = Applier.to(c).apply(files);
                CallCounts againCalls = c.calls().since(before);
                assertThat(again.outcomes())
                        .hasSize(n)
                        .allSatisfy(o -> assertThat(o.action()).isEqualTo(ApplyOutcome.Action.UNCHANGED));
                assertThat(againCalls.of("DOMAIN_DEFINE_XML") + againCalls.of("DOMAIN_DEFINE_XML_FLAGS"))
                        .isZero();
                assertThat(againCalls.total())
                        .as(againCalls.toString())
                        .isLessThanOrEqualTo(ApplyCallsTest.PER_DOCUMENT * n + 5L * hostGuests + 10);
            } finally {
                for (int i = 0; i < n; i++) {
                    c.findDomain(prefix + "-" + i).ifPresent(d -> c.undefineDomain(d.name()));
                }
            }
        }
    }

    @Test
    void aDroppedConnectionIsReportedPerDocumentAndExitsTwo(@TempDir Path dir) throws Exception {
        LibvirtDaemon.require();
        String prefix = "virtxml-drop-" + suffix;
        List<Path> files = testGuests(dir, 3, prefix);
        try (Connector holder = Connectors.open("test:///default");
                SocketRelay relay = SocketRelay.start(
                        dir, LibvirtUri.SYSTEM_SOCKET, RemoteProcedure.DOMAIN_DEFINE_XML_FLAGS.number(), 2)) {
            try {
                StringWriter out = new StringWriter();
                int exit = run(
                        out,
                        "--connect",
                        "test+unix:///default?socket=" + relay.socket(),
                        files.get(0).toString(),
                        files.get(1).toString(),
                        files.get(2).toString());
                assertThat(exit).as(out.toString()).isEqualTo(2);
                assertThat(out.toString())
                        .contains("domain '" + prefix + "-0' defined")
                        .contains("may or may not be defined")
                        .contains("FAILED at define")
                        .contains(prefix + "-2.xml: domain not tried")
                        .contains("stopped: the connection failed while applying");
                assertThat(holder.findDomain(prefix + "-0"))
                        .as("the defined guest is reported and is there")
                        .isPresent();
            } finally {
                for (int i = 0; i < 3; i++) {
                    holder.findDomain(prefix + "-" + i).ifPresent(d -> holder.undefineDomain(d.name()));
                }
            }
        }
    }

    @Test
    void whenAsStartFailsItIsReportedDefinedAndBIsStillDefinedAndStarted(@TempDir Path dir) throws Exception {
        LibvirtDaemon.require();
        String a = "virtxml-a-" + suffix;
        String b = "virtxml-b-" + suffix;
        Path fileA = Files.writeString(
                dir.resolve("a.xml"),
                "<domain type='qemu'><name>" + a + "</name>"
                        + "<memory unit='MiB'>64</memory><vcpu>1</vcpu><os><type arch='x86_64' machine='pc'>hvm</type></os><devices>"
                        + "<disk type='file' device='disk'><driver name='qemu' type='raw'/>"
                        + "<source file='/var/lib/libvirt/images/virtxml-missing-" + suffix
                        + ".img'/><target dev='hda' bus='ide'/></disk>"
                        + "</devices></domain>");
        Path fileB = Files.writeString(
                dir.resolve("b.xml"),
                "<domain type='qemu'><name>" + b + "</name>"
                        + "<memory unit='MiB'>64</memory><vcpu>1</vcpu><os><type arch='x86_64' machine='pc'>hvm</type></os></domain>");
        try (Connector c = Connectors.open("qemu:///system")) {
            try {
                StringWriter out = new StringWriter();
                int exit = run(out, "--connect", "qemu:///system", "--start", fileA.toString(), fileB.toString());
                assertThat(exit).as(out.toString()).isEqualTo(1);
                assertThat(out.toString())
                        .contains("domain '" + a + "' defined")
                        .contains("FAILED at start:")
                        .contains("virtxml-missing-" + suffix)
                        .contains("domain '" + b + "' defined\n  started");
                assertThat(c.lookupDomain(a).state()).isEqualTo(DomainState.SHUTOFF);
                assertThat(c.lookupDomain(b).state()).isEqualTo(DomainState.RUNNING);
            } finally {
                for (String name : List.of(a, b)) {
                    if (c.findDomain(name).isPresent()
                            && c.lookupDomain(name).state().isActive()) {
                        c.destroyDomain(name);
                    }
                    c.findDomain(name).ifPresent(d -> c.undefineDomain(d.name()));
                }
            }
        }
    }

    @Test
    void aNatNetworkIsDefinedStartedAndReadBackAndATcgGuestBootsOnIt(@TempDir Path tmp) throws Exception {
        LibvirtDaemon.require();
        String network = "virtxml-nat-" + suffix;
        String guest = "virtxml-natvm-" + suffix;
        Path dir = Files.createTempDirectory(
                Files.isDirectory(IMAGES) && Files.isWritable(IMAGES) ? IMAGES : tmp, "virtxml-nat-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        String marker = "VIRTXML-NAT-" + suffix;
        Path image = Files.write(dir.resolve("boot.img"), BootSector.printing(marker));
        Path serial = dir.resolve("serial.log");
        Path netFile = Files.writeString(
                dir.resolve("net.xml"),
                LibvirtDocument.of(new NetworkFactory(new Random())
                                .nat(network, "192.168.213.0/24", null)
                                .network())
                        .write());
        Path vmFile = Files.writeString(
                dir.resolve("vm.xml"),
                "<domain type='qemu'><name>" + guest + "</name>"
                        + "<memory unit='MiB'>64</memory><vcpu>1</vcpu><os><type arch='x86_64' machine='pc'>hvm</type><boot dev='hd'/></os>"
                        + "<devices><disk type='file' device='disk'><driver name='qemu' type='raw'/><source file='"
                        + image + "'/>"
                        + "<target dev='hda' bus='ide'/></disk>"
                        + "<interface type='network'><source network='" + network
                        + "'/><model type='e1000'/></interface>"
                        + "<serial type='file'><source path='" + serial
                        + "'/><target port='0'/></serial></devices></domain>");
        try (Connector c = Connectors.open("qemu:///system")) {
            try {
                ApplyReport r = Applier.to(c).starting(true).apply(List.of(vmFile, netFile));
                assertThat(r.status()).as(r.reason() + " " + r.outcomes()).isEqualTo(ApplyReport.Status.APPLIED);
                assertThat(r.outcomes()).extracting(ApplyOutcome::kind).containsExactly("network", "domain");
                assertThat(r.outcomes()).allSatisfy(o -> assertThat(o.started()).isTrue());
                assertThat(c.lookupNetwork(network).active()).isTrue();
                assertThat(c.networkXml(network, XmlFlavor.INACTIVE))
                        .contains("192.168.213.1")
                        .contains("<forward mode='nat'");
                assertThat(c.networkXml(network, XmlFlavor.LIVE)).containsPattern("<bridge name='virbr\\d+'");
                assertThat(c.domainXml(guest, XmlFlavor.LIVE)).contains("<source network='" + network + "'");
                long deadline = System.nanoTime() + 90_000_000_000L;
                String output = "";
                while (!output.contains(marker) && System.nanoTime() < deadline) {
                    Thread.sleep(250);
                    output = Files.exists(serial) ? Files.readString(serial, StandardCharsets.ISO_8859_1) : "";
                }
                assertThat(output).as("the guest's serial output").contains(marker);
                ApplyReport again = Applier.to(c).starting(true).apply(List.of(vmFile, netFile));
                assertThat(again.outcomes())
                        .allSatisfy(o -> assertThat(o.action()).isEqualTo(ApplyOutcome.Action.UNCHANGED));
            } finally {
                if (c.findDomain(guest).isPresent()
                        && c.lookupDomain(guest).state().isActive()) {
                    c.destroyDomain(guest);
                }
                c.findDomain(guest).ifPresent(d -> c.undefineDomain(d.name()));
                if (c.findNetwork(network).isPresent()
                        && c.lookupNetwork(network).active()) {
                    c.stopNetwork(network);
                }
                c.findNetwork(network).ifPresent(n -> c.undefineNetwork(n.name()));
                try (var files = Files.list(dir)) {
                    for (Path f : files.toList()) {
                        Files.deleteIfExists(f);
                    }
                }
                Files.deleteIfExists(dir);
            }
        }
    }
}
