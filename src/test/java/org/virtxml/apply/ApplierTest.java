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
import org.virtxml.connect.Connector;
import org.virtxml.connect.Connectors;
import org.virtxml.connect.DomainState;
import org.virtxml.lint.Diagnostic;
import picocli.CommandLine;

/** apply against the in-memory host, which follows libvirt's rules (no daemon needed). */
class ApplierTest {

    static String domain(String name, String uuid, String memoryMiB, String extraDevices) {
        return "<domain type='kvm'>\n  <name>" + name + "</name>\n  <uuid>" + uuid + "</uuid>\n"
                + "  <memory unit='MiB'>" + memoryMiB + "</memory>\n  <vcpu>1</vcpu>\n"
                + "  <os><type arch='x86_64' machine='q35'>hvm</type></os>\n"
                + "  <devices>" + extraDevices + "</devices>\n</domain>\n";
    }

    private static final String DISK =
            "<disk type='file' device='disk'><source file='/var/lib/libvirt/images/%s.qcow2'/>"
                    + "<driver name='qemu' type='qcow2'/><target dev='%s' bus='virtio'/></disk>";

    @Test
    void aLintErrorRefusesTheApplyAndNothingIsDefined(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(
                dir.resolve("bad.xml"),
                domain(
                        "bad",
                        "0f2b5a8e-7c1d-4e3f-9a6b-1c2d3e4f5a6b",
                        "512",
                        String.format(DISK, "a", "vda") + String.format(DISK, "b", "vda")));
        try (Connector c = Connectors.open("mem:///apply-refuse")) {
            ApplyReport r = Applier.to(c).apply(List.of(bad));
            assertThat(r.refused()).isTrue();
            assertThat(r.lint().errors()).extracting(Diagnostic::rule).contains("disk-target-duplicate");
            assertThat(r.outcomes()).isEmpty();
            assertThat(c.findDomain("bad")).isEmpty();

            ApplyReport forced = Applier.to(c).forced(true).apply(List.of(bad));
            assertThat(forced.refused()).isFalse();
            assertThat(c.findDomain("bad")).isPresent();
        }
    }

    @Test
    void aCleanDocumentIsDefinedAndTheSecondApplyChangesNothing(@TempDir Path dir) throws Exception {
        Path vm = Files.writeString(
                dir.resolve("vm.xml"),
                domain("web", "8c9d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f", "1024", String.format(DISK, "web", "vda")));
        try (Connector c = Connectors.open("mem:///apply-twice")) {
            ApplyReport first = Applier.to(c).apply(List.of(vm));
            assertThat(first.refused()).isFalse();
            assertThat(first.outcomes()).singleElement().satisfies(o -> {
                assertThat(o.action()).isEqualTo(ApplyOutcome.Action.DEFINED);
                assertThat(o.name()).isEqualTo("web");
            });
            ApplyReport second = Applier.to(c).apply(List.of(vm));
            assertThat(second.lint().diagnostics())
                    .extracting(Diagnostic::rule)
                    .doesNotContain("uuid-duplicate", "name-duplicate");
            assertThat(second.outcomes())
                    .singleElement()
                    .satisfies(o -> assertThat(o.action()).isEqualTo(ApplyOutcome.Action.UNCHANGED));
        }
    }

    @Test
    void redefiningARunningDomainSaysWhenTheChangeTakesEffect(@TempDir Path dir) throws Exception {
        String uuid = "1a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d";
        Path v1 = Files.writeString(dir.resolve("v1.xml"), domain("db", uuid, "1024", ""));
        Path v2 = Files.writeString(dir.resolve("v2.xml"), domain("db", uuid, "2048", ""));
        try (Connector c = Connectors.open("mem:///apply-running")) {
            ApplyReport started = Applier.to(c).starting(true).apply(List.of(v1));
            assertThat(started.outcomes().get(0).started()).isTrue();
            assertThat(c.lookupDomain("db").state()).isEqualTo(DomainState.RUNNING);
            ApplyReport changed = Applier.to(c).apply(List.of(v2));
            assertThat(changed.outcomes()).singleElement().satisfies(o -> {
                assertThat(o.action()).isEqualTo(ApplyOutcome.Action.REDEFINED);
                assertThat(o.notes())
                        .anySatisfy(
                                n -> assertThat(n).contains("takes effect after it is shut down and started again"));
            });
        }
    }

    @Test
    void poolsAreAppliedTooAndAVolumeWithoutAPoolFails(@TempDir Path dir) throws Exception {
        Path pool = Files.writeString(
                dir.resolve("pool.xml"),
                "<pool type='dir'>\n  <name>images</name>\n"
                        + "  <target><path>/var/lib/libvirt/images</path></target>\n</pool>\n");
        Path volume = Files.writeString(
                dir.resolve("vol.xml"),
                "<volume><name>a.qcow2</name>"
                        + "<capacity unit='GiB'>1</capacity><target><format type='qcow2'/></target></volume>");
        try (Connector c = Connectors.open("mem:///apply-pool")) {
            ApplyReport first = Applier.to(c).starting(true).apply(List.of(pool));
            assertThat(first.refused()).as(first.reason()).isFalse();
            assertThat(first.outcomes()).singleElement().satisfies(o -> {
                assertThat(o.kind()).isEqualTo("pool");
                assertThat(o.action()).isEqualTo(ApplyOutcome.Action.DEFINED);
                assertThat(o.started()).isTrue();
            });
            ApplyReport second = Applier.to(c).apply(List.of(pool));
            assertThat(second.refused()).as(second.reason()).isFalse();
            assertThat(second.outcomes().get(0).action()).isEqualTo(ApplyOutcome.Action.UNCHANGED);
            ApplyReport vol = Applier.to(c).apply(List.of(volume));
            assertThat(vol.status()).isEqualTo(ApplyReport.Status.FAILED);
            assertThat(vol.outcomes()).singleElement().satisfies(o -> {
                assertThat(o.action()).isEqualTo(ApplyOutcome.Action.FAILED);
                assertThat(o.failure())
                        .hasValueSatisfying(f -> assertThat(f.message()).contains("give --pool NAME"));
            });
        }
    }

    @Test
    void theCommandExitsOneWhenRefusedAndZeroWhenApplied(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(
                dir.resolve("bad.xml"),
                domain(
                        "bad",
                        "0f2b5a8e-7c1d-4e3f-9a6b-1c2d3e4f5a6c",
                        "512",
                        String.format(DISK, "a", "vda") + String.format(DISK, "b", "vda")));
        Path good = Files.writeString(
                dir.resolve("good.xml"), domain("good", "0f2b5a8e-7c1d-4e3f-9a6b-1c2d3e4f5a6d", "512", ""));
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new ApplyCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(new StringWriter()));
        assertThat(cl.execute("--connect", "mem:///cmd", bad.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("[disk-target-duplicate]").contains("refused:");
        assertThat(cl.execute("--connect", "mem:///cmd", good.toString())).isEqualTo(0);
        assertThat(out.toString()).contains("domain 'good' defined");
        assertThat(cl.execute(
                        "--connect", "mem:///cmd", dir.resolve("missing.xml").toString()))
                .isEqualTo(2);
    }
}
