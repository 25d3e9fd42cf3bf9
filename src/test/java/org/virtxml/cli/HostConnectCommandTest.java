package org.virtxml.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtxml.connect.remote.LibvirtDaemon;
import picocli.CommandLine;

/** {@code host --connect}: VT-x/AMD-V comes from the CPU flags in the capabilities, not from the kvm domain type. */
class HostConnectCommandTest {

    private static String capabilities(String features) {
        return "<capabilities><host><cpu><arch>x86_64</arch><model>Haswell</model><vendor>Intel</vendor>"
                + "<topology sockets='1' dies='1' cores='2' threads='1'/>" + features + "</cpu></host>"
                + "<guest><os_type>hvm</os_type><arch name='x86_64'><domain type='qemu'/><domain type='kvm'/></arch></guest>"
                + "</capabilities>";
    }

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new HostCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(new StringWriter()));
        cl.execute(args);
        return out.toString();
    }

    private static String uri(Path caps) {
        return "mem:///vt?capabilities=" + URLEncoder.encode(caps.toString(), StandardCharsets.UTF_8);
    }

    @Test
    void aKvmDomainTypeWithoutVmxOrSvmIsNotHardwareVirtualization(@TempDir Path dir) throws Exception {
        Path caps = Files.writeString(
                dir.resolve("caps.xml"), capabilities("<feature name='vme'/><feature name='hypervisor'/>"));
        String out = run("--connect", uri(caps));
        assertThat(out).containsPattern("hardware virtualization:\\s+no");
        assertThat(out).containsPattern("KVM usable:\\s+yes");
    }

    @Test
    void theVmxFlagIsHardwareVirtualization(@TempDir Path dir) throws Exception {
        Path caps =
                Files.writeString(dir.resolve("caps.xml"), capabilities("<feature name='vme'/><feature name='vmx'/>"));
        assertThat(run("--connect", uri(caps))).containsPattern("hardware virtualization:\\s+yes");
    }

    @Test
    void theRealDaemonAgreesWithTheLocalHost() {
        LibvirtDaemon.require();
        String connected = run("--connect", "qemu:///system");
        String local = run("--local");
        String row = "hardware virtualization:\\s+(yes|no|unknown)";
        java.util.regex.Matcher c = java.util.regex.Pattern.compile(row).matcher(connected);
        java.util.regex.Matcher l = java.util.regex.Pattern.compile(row).matcher(local);
        assertThat(c.find()).as(connected).isTrue();
        assertThat(l.find()).as(local).isTrue();
        assertThat(c.group(1)).isEqualTo(l.group(1));
    }
}
