package org.virtxml.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.virtxml.connect.CallCounts;
import org.virtxml.connect.Connector;
import org.virtxml.connect.Connectors;

/** apply's cost in calls is linear in the documents, and a re-apply writes nothing (in-memory host). */
class ApplyCallsTest {
    /** Calls per document at most (define 1, read back 1 on this host; a remote host makes more per call). */
    static final int PER_DOCUMENT = 10;

    static List<Path> guests(Path dir, int n, String prefix) throws Exception {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = prefix + "-" + i;
            files.add(Files.writeString(
                    dir.resolve(name + ".xml"),
                    "<domain type='qemu'>\n  <name>" + name + "</name>\n"
                            + "  <uuid>"
                            + UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                            + "</uuid>\n"
                            + "  <memory unit='MiB'>64</memory>\n  <vcpu>1</vcpu>\n"
                            + "  <os><type arch='x86_64' machine='pc'>hvm</type></os>\n</domain>\n"));
        }
        return files;
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 50})
    void applyingNDocumentsCostsAtMostCTimesNCallsAndReApplyingWritesNothing(int n, @TempDir Path dir)
            throws Exception {
        List<Path> files = guests(dir, n, "linear");
        try (Connector c = Connectors.open("mem:///calls-" + n)) {
            CallCounts start = c.calls();
            ApplyReport first = Applier.to(c).apply(files);
            CallCounts firstCalls = c.calls().since(start);
            assertThat(first.status()).as(first.reason()).isEqualTo(ApplyReport.Status.APPLIED);
            assertThat(first.outcomes()).allSatisfy(o -> assertThat(o.action()).isEqualTo(ApplyOutcome.Action.DEFINED));
            assertThat(firstCalls.total()).as(firstCalls.toString()).isLessThanOrEqualTo((long) PER_DOCUMENT * n);
            assertThat(firstCalls.of("CONNECT_LIST_ALL_DOMAINS")).isEqualTo(1);

            CallCounts before = c.calls();
            ApplyReport again = Applier.to(c).apply(files);
            CallCounts againCalls = c.calls().since(before);
            assertThat(again.outcomes())
                    .hasSize(n)
                    .allSatisfy(o -> assertThat(o.action()).isEqualTo(ApplyOutcome.Action.UNCHANGED));
            assertThat(againCalls.of("DOMAIN_DEFINE_XML") + againCalls.of("DOMAIN_DEFINE_XML_FLAGS"))
                    .as("no define on a re-apply: " + againCalls)
                    .isZero();
            assertThat(againCalls.total()).as(againCalls.toString()).isLessThanOrEqualTo((long) PER_DOCUMENT * n);
        }
    }

    @Test
    void aRemovedDiskIsAChangeEvenThoughTheHostStillHasIt(@TempDir Path dir) throws Exception {
        String uuid = "2f3e4d5c-6b7a-4980-8a1b-2c3d4e5f6a7b";
        String disk = "<disk type='file' device='disk'><source file='/var/lib/libvirt/images/x.qcow2'/>"
                + "<driver name='qemu' type='qcow2'/><target dev='vdb' bus='virtio'/></disk>";
        Path withDisk = Files.writeString(dir.resolve("v1.xml"), ApplierTest.domain("shrink", uuid, "512", disk));
        Path without = Files.writeString(dir.resolve("v2.xml"), ApplierTest.domain("shrink", uuid, "512", ""));
        try (Connector c = Connectors.open("mem:///calls-shrink")) {
            Applier.to(c).apply(List.of(withDisk));
            ApplyReport shrunk = Applier.to(c).apply(List.of(without));
            assertThat(shrunk.outcomes())
                    .singleElement()
                    .satisfies(o -> assertThat(o.action()).isEqualTo(ApplyOutcome.Action.REDEFINED));
            assertThat(c.domainXml("shrink", org.virtxml.connect.XmlFlavor.INACTIVE))
                    .doesNotContain("vdb");
        }
    }

    @Test
    void networksAndPoolsGoFirstAndAreNotRewrittenWhenTheHostHasThem(@TempDir Path dir) throws Exception {
        Path guest = Files.writeString(
                dir.resolve("guest.xml"),
                ApplierTest.domain(
                        "netguest",
                        "3a4b5c6d-7e8f-4a0b-9c1d-2e3f4a5b6c7d",
                        "256",
                        "<interface type='network'><source network='lan'/><model type='virtio'/></interface>"));
        Path network = Files.writeString(
                dir.resolve("net.xml"),
                "<network><name>lan</name><forward mode='nat'/>"
                        + "<ip address='192.168.213.1' netmask='255.255.255.0'><dhcp><range start='192.168.213.2' end='192.168.213.254'/>"
                        + "</dhcp></ip></network>");
        Path pool = Files.writeString(
                dir.resolve("pool.xml"),
                "<pool type='dir'><name>store</name>"
                        + "<target><path>/var/lib/libvirt/images/store</path></target></pool>");
        try (Connector c = Connectors.open("mem:///calls-net")) {
            ApplyReport first = Applier.to(c).starting(true).autostarting(true).apply(List.of(guest, pool, network));
            assertThat(first.status()).as(first.reason()).isEqualTo(ApplyReport.Status.APPLIED);
            assertThat(first.outcomes()).extracting(ApplyOutcome::kind).containsExactly("network", "pool", "domain");
            assertThat(first.outcomes()).allSatisfy(o -> {
                assertThat(o.action()).isEqualTo(ApplyOutcome.Action.DEFINED);
                assertThat(o.started()).isTrue();
                assertThat(o.notes()).contains("autostart set");
            });
            assertThat(c.lookupNetwork("lan").active()).isTrue();
            assertThat(c.networkAutostart("lan")).isTrue();

            CallCounts before = c.calls();
            ApplyReport again = Applier.to(c).starting(true).autostarting(true).apply(List.of(guest, pool, network));
            CallCounts calls = c.calls().since(before);
            assertThat(again.outcomes()).allSatisfy(o -> {
                assertThat(o.action()).isEqualTo(ApplyOutcome.Action.UNCHANGED);
                assertThat(o.started()).isFalse();
            });
            assertThat(calls.of("NETWORK_DEFINE_XML")
                            + calls.of("STORAGE_POOL_DEFINE_XML")
                            + calls.of("DOMAIN_DEFINE_XML_FLAGS")
                            + calls.of("NETWORK_SET_AUTOSTART")
                            + calls.of("STORAGE_POOL_SET_AUTOSTART")
                            + calls.of("DOMAIN_SET_AUTOSTART"))
                    .as(calls.toString())
                    .isZero();
        }
    }

    @Test
    void volumesAreCreatedInTheNamedPoolOnce(@TempDir Path dir) throws Exception {
        Path pool = Files.writeString(
                dir.resolve("pool.xml"),
                "<pool type='dir'><name>vols</name>"
                        + "<target><path>/var/lib/libvirt/images/vols</path></target></pool>");
        Path volume = Files.writeString(
                dir.resolve("vol.xml"),
                "<volume><name>a.qcow2</name><capacity unit='GiB'>1</capacity><target><format type='qcow2'/></target></volume>");
        Path bigger = Files.writeString(
                dir.resolve("bigger.xml"),
                "<volume><name>a.qcow2</name><capacity unit='GiB'>2</capacity><target><format type='qcow2'/></target></volume>");
        try (Connector c = Connectors.open("mem:///calls-vol")) {
            Applier.to(c).starting(true).apply(List.of(pool));
            ApplyReport created = Applier.to(c).intoPool("vols").apply(List.of(volume));
            assertThat(created.outcomes()).singleElement().satisfies(o -> {
                assertThat(o.action()).isEqualTo(ApplyOutcome.Action.DEFINED);
                assertThat(o.name()).isEqualTo("vols/a.qcow2");
            });
            CallCounts before = c.calls();
            ApplyReport again = Applier.to(c).intoPool("vols").apply(List.of(volume));
            assertThat(again.outcomes())
                    .singleElement()
                    .satisfies(o -> assertThat(o.action()).isEqualTo(ApplyOutcome.Action.UNCHANGED));
            assertThat(c.calls().since(before).of("STORAGE_VOL_CREATE_XML")).isZero();
            ApplyReport conflict = Applier.to(c).intoPool("vols").apply(List.of(bigger));
            assertThat(conflict.status()).isEqualTo(ApplyReport.Status.FAILED);
            assertThat(conflict.outcomes().get(0).failure())
                    .hasValueSatisfying(
                            f -> assertThat(f.message()).contains("exists in pool 'vols' with other settings"));
        }
    }
}
