package org.virtxml.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtxml.json.JsonParser;
import org.virtxml.lint.host.FakeHostEnvironment;
import org.virtxml.lint.host.HostEnvironment;
import picocli.CommandLine;

class HostCommandTest {

    record Run(int exit, String out, String err) {}

    private static Run run(HostEnvironment env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new HostCommand(env));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static final String CPUINFO = "processor\t: 0\nphysical id\t: 0\ncore id\t\t: 0\nflags\t\t: fpu vmx\n\n"
            + "processor\t: 1\nphysical id\t: 0\ncore id\t\t: 1\nflags\t\t: fpu vmx\n\n";
    private static final String MEMINFO = "MemTotal:       8388608 kB\nSwapTotal:      4194304 kB\n";

    private static FakeHostEnvironment healthy() {
        return new FakeHostEnvironment()
                .file("/proc/cpuinfo", CPUINFO)
                .file("/proc/meminfo", MEMINFO)
                .device("/dev/kvm", true)
                .device("/dev/vhost-net", true)
                .device("/dev/net/tun", true);
    }

    static final String CAPS = """
            <capabilities>
              <host><cpu><arch>x86_64</arch><topology sockets='1' dies='1' cores='4' threads='1'/></cpu>
                <topology><cells num='1'><cell id='0'><memory unit='KiB'>8388608</memory>
                  <cpus num='4'><cpu id='0' socket_id='0' core_id='0'/><cpu id='1' socket_id='0' core_id='1'/>
                  <cpu id='2' socket_id='0' core_id='2'/><cpu id='3' socket_id='0' core_id='3'/></cpus>
                </cell></cells></topology></host>
              <guest><os_type>hvm</os_type><arch name='x86_64'><domain type='test'/></arch></guest>
            </capabilities>
            """;

    @Test
    void localHealthyMachineText() {
        Run r = run(healthy(), "--local");
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("""
                Host profile (local)
                  physical cores:          2
                  threads:                 2
                  host CPUs:               2 (0-1)
                  memory:                  8 GiB (8589934592 bytes)
                  swap:                    4 GiB (4294967296 bytes)
                  hardware virtualization: yes
                  KVM usable:              yes
                  domain types:            unknown

                Checks
                  PASS  hardware virtualization: VT-x (vmx) or AMD-V (svm) found
                  PASS  /dev/kvm exists: found
                  PASS  /dev/kvm accessible: read and write allowed
                  PASS  /dev/vhost-net exists: found
                  PASS  /dev/net/tun exists: found
                  PASS  host memory: 8 GiB of RAM: 4 GiB for guests after 4 GiB for the host
                  PASS  host swap: 4 GiB of swap
                  PASS  physical cores: 2 cores: at most 2 vCPUs per guest and 20 vCPUs in all (10 per core)

                8 passed, 0 warnings, 0 failed
                """);
    }

    @Test
    void noArgumentsMeansLocal() {
        assertThat(run(healthy()).out()).startsWith("Host profile (local)\n");
    }

    @Test
    void failedCheckExitsOneWithHint() {
        Run r = run(new FakeHostEnvironment()
                .file("/proc/cpuinfo", CPUINFO.replace(" vmx", ""))
                .file("/proc/meminfo", MEMINFO)
                .device("/dev/net/tun", true));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out())
                .contains("  FAIL  hardware virtualization: no vmx or svm CPU flag\n"
                        + "        hint: Host not compatible with KVM;")
                .contains("  FAIL  /dev/kvm exists: /dev/kvm not found\n")
                .contains("  WARN  /dev/vhost-net exists: /dev/vhost-net not found\n")
                .endsWith("\n4 passed, 1 warning, 2 failed\n");
    }

    @Test
    @SuppressWarnings("unchecked")
    void capabilitiesFileAsJson(@TempDir Path dir) throws Exception {
        Path caps = dir.resolve("caps.xml");
        Files.writeString(caps, CAPS);
        Run r = run(healthy(), caps.toString(), "--format", "json");
        assertThat(r.exit()).as("no kvm domain type: FAIL").isEqualTo(1);
        Map<String, Object> root = JsonParser.parseObject(r.out());
        Map<String, Object> profile = (Map<String, Object>) root.get("profile");
        assertThat(profile.get("source")).isEqualTo("capabilities");
        assertThat(profile.get("physicalCores")).isEqualTo(new BigDecimal(4));
        assertThat(profile.get("memoryBytes")).isEqualTo(new BigDecimal(8L << 30));
        assertThat(profile.get("swapBytes")).isSameAs(JsonParser.NULL);
        assertThat(profile.get("kvm")).isEqualTo("absent");
        assertThat(profile.get("domainTypes")).isEqualTo(List.of("test"));
        List<Map<String, Object>> checks = (List<Map<String, Object>>) (List<?>) root.get("checks");
        assertThat(checks)
                .extracting(c -> c.get("name"))
                .doesNotContain("/dev/kvm exists")
                .contains("KVM domain type offered");
        assertThat(checks).allSatisfy(c -> assertThat(c).containsOnlyKeys("name", "status", "detail", "hint"));
        assertThat((Map<String, Object>) root.get("summary")).containsEntry("fail", BigDecimal.ONE);
    }

    @Test
    void usageErrorsExitTwoWithoutStackTraces(@TempDir Path dir) throws Exception {
        Run both = run(healthy(), "--local", "caps.xml");
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("either --local or FILE");

        Run missing = run(healthy(), dir.resolve("nope.xml").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err())
                .contains("nope.xml: cannot read: no such file")
                .doesNotContain("\tat ");
        assertThat(missing.out()).isEmpty();

        Path bad = dir.resolve("bad.xml");
        Files.writeString(bad, "<capabilities><host>");
        Run malformed = run(healthy(), bad.toString());
        assertThat(malformed.exit()).isEqualTo(2);
        assertThat(malformed.err())
                .contains("bad.xml: capabilities XML at line 1")
                .doesNotContain("\tat ");

        Path domain = dir.resolve("vm.xml");
        Files.writeString(domain, "<domain type='kvm'/>");
        assertThat(run(healthy(), domain.toString()).err()).contains("root element is <domain>");

        Run format = run(healthy(), "--format", "yaml");
        assertThat(format.exit()).isEqualTo(2);
        assertThat(format.err()).contains("yaml");

        assertThat(run(healthy(), "a.xml", "b.xml").exit()).isEqualTo(2);
    }

    @Test
    void realMachineRunsWithoutInternalError() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new HostCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute("--format", "json");
        assertThat(exit).isIn(0, 1);
        assertThat(err.toString()).isEmpty();
        assertThat(JsonParser.parseObject(out.toString())).containsOnlyKeys("profile", "checks", "summary");
    }
}
