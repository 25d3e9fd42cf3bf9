package org.virtxml.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtxml.cli.ApplyCommand;
import org.virtxml.connect.ConnectOptions;
import org.virtxml.connect.Connector;
import org.virtxml.connect.Connectors;
import org.virtxml.connect.XmlFlavor;
import picocli.CommandLine;

/** apply --live on a running guest, and one apply across several hosts (in-memory hosts). */
class ApplyLiveAndFleetTest {
    private static final String UUID = "4c5d6e7f-8a9b-4c0d-9e1f-2a3b4c5d6e7f";
    private static final String DISK =
            "<disk type='file' device='disk'><source file='/var/lib/libvirt/images/data.qcow2'/>"
                    + "<driver name='qemu' type='qcow2'/><target dev='vdb' bus='virtio'/></disk>";
    private static final String NIC =
            "<interface type='network'><mac address='52:54:00:aa:bb:01'/><source network='default'/>"
                    + "<model type='virtio'/></interface>";

    @Test
    void liveAttachesAnAddedDiskDetachesARemovedInterfaceAndSaysWhatWaitsForARestart(@TempDir Path dir)
            throws Exception {
        Path v1 = Files.writeString(dir.resolve("v1.xml"), ApplierTest.domain("livevm", UUID, "512", NIC));
        Path v2 = Files.writeString(dir.resolve("v2.xml"), ApplierTest.domain("livevm", UUID, "1024", DISK));
        try (Connector c = Connectors.open("mem:///live")) {
            Applier.to(c).starting(true).apply(List.of(v1));
            ApplyReport r = Applier.to(c).live(true).apply(List.of(v2));
            assertThat(r.status()).as(r.reason()).isEqualTo(ApplyReport.Status.APPLIED);
            assertThat(r.outcomes()).singleElement().satisfies(o -> {
                assertThat(o.action()).isEqualTo(ApplyOutcome.Action.REDEFINED);
                assertThat(o.notes())
                        .contains(
                                "applied live: attached disk vdb",
                                "applied live: detached interface 52:54:00:aa:bb:01");
                assertThat(o.notes())
                        .anySatisfy(n -> assertThat(n)
                                .startsWith("waits for a restart: ")
                                .contains("memory"));
            });
            String live = c.domainXml("livevm", XmlFlavor.LIVE);
            assertThat(live).contains("dev=\"vdb\"").doesNotContain("52:54:00:aa:bb:01");
            assertThat(c.calls().of("DOMAIN_ATTACH_DEVICE_FLAGS")).isEqualTo(1);
            assertThat(c.calls().of("DOMAIN_DETACH_DEVICE_FLAGS")).isEqualTo(1);
        }
    }

    @Test
    void withoutLiveARunningGuestIsOnlyTold(@TempDir Path dir) throws Exception {
        Path v1 = Files.writeString(dir.resolve("v1.xml"), ApplierTest.domain("notlive", UUID, "512", ""));
        Path v2 = Files.writeString(dir.resolve("v2.xml"), ApplierTest.domain("notlive", UUID, "512", DISK));
        try (Connector c = Connectors.open("mem:///notlive")) {
            Applier.to(c).starting(true).apply(List.of(v1));
            ApplyReport r = Applier.to(c).apply(List.of(v2));
            assertThat(r.outcomes().get(0).notes())
                    .anySatisfy(n -> assertThat(n).contains("--live"));
            assertThat(c.calls().of("DOMAIN_ATTACH_DEVICE_FLAGS")).isZero();
        }
    }

    @Test
    void aFleetAppliesToEveryHostAndReportsEachEvenWhenOneCannotBeReached(@TempDir Path dir) throws Exception {
        Path vm = Files.writeString(dir.resolve("vm.xml"), ApplierTest.domain("fleetvm", UUID, "512", ""));
        List<HostApply> hosts = Fleet.of(ConnectOptions.defaults(), a -> a.starting(true))
                .apply(List.of("mem:///one", "mem:///two", "nosuch:///host"), List.of(vm));
        assertThat(hosts).extracting(HostApply::uri).containsExactly("mem:///one", "mem:///two", "nosuch:///host");
        assertThat(hosts.subList(0, 2))
                .allSatisfy(h -> assertThat(h.report()).hasValueSatisfying(r -> {
                    assertThat(r.status()).isEqualTo(ApplyReport.Status.APPLIED);
                    assertThat(r.outcomes()).singleElement().satisfies(o -> {
                        assertThat(o.action()).isEqualTo(ApplyOutcome.Action.DEFINED);
                        assertThat(o.started()).isTrue();
                    });
                }));
        assertThat(hosts.get(2).error()).hasValueSatisfying(e -> assertThat(e).contains("no connector accepts"));
    }

    @Test
    void theCommandPrintsAReportPerHostAndTheWorstHostDecidesTheExitCode(@TempDir Path dir) throws Exception {
        Path vm = Files.writeString(dir.resolve("vm.xml"), ApplierTest.domain("fleetcli", UUID, "512", ""));
        Path hostsFile = Files.writeString(dir.resolve("hosts"), "# lab\nmem:///b\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new ApplyCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        assertThat(cl.execute("--connect", "mem:///a", "--hosts", hostsFile.toString(), vm.toString()))
                .isZero();
        assertThat(out.toString()).contains("== mem:///a ==").contains("== mem:///b ==");
        assertThat(out.toString().split("domain 'fleetcli' defined", -1)).hasSize(3);
        assertThat(cl.execute("--connect", "mem:///a", "--connect", "nosuch:///x", vm.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("virtxml apply: nosuch:///x: no connector accepts");
    }

    @Test
    void jsonGivesEachHostItsStatusAndEachDocumentItsFailedStep(@TempDir Path dir) throws Exception {
        Path vm = Files.writeString(dir.resolve("vm.xml"), ApplierTest.domain("jsonvm", UUID, "512", ""));
        Path volume = Files.writeString(
                dir.resolve("vol.xml"), "<volume><name>v.img</name><capacity unit='MiB'>1</capacity></volume>");
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new ApplyCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(new StringWriter()));
        assertThat(cl.execute(
                        "--connect",
                        "mem:///j1",
                        "--connect",
                        "mem:///j2",
                        "--format",
                        "json",
                        vm.toString(),
                        volume.toString()))
                .isEqualTo(1);
        String json = out.toString();
        assertThat(json)
                .startsWith("{\"hosts\":[")
                .contains("\"uri\":\"mem:///j1\"")
                .contains("\"uri\":\"mem:///j2\"")
                .contains("\"status\":\"failed\"")
                .contains("\"action\":\"defined\"")
                .contains(
                        "\"failure\":{\"step\":\"read\",\"message\":\"a volume document is created in a pool: give --pool NAME\"}");
    }
}
