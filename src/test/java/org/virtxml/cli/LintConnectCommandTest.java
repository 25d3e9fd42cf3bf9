package org.virtxml.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtxml.connect.remote.LibvirtDaemon;

/** {@code virtxml lint --connect URI}: the host's own domain capabilities judge the guests (issue 15). */
class LintConnectCommandTest {

    @TempDir
    Path dir;

    private Path guest(String machine, String graphics) throws Exception {
        Path f = dir.resolve("vm.xml");
        Files.writeString(
                f,
                "<domain type='qemu'>\n  <name>vm</name>\n  <memory>1048576</memory>\n  <os>\n"
                        + "    <type arch='x86_64' machine='" + machine + "'>hvm</type>\n  </os>\n  <devices>\n"
                        + "    <graphics type='" + graphics + "'/>\n  </devices>\n</domain>\n");
        return f;
    }

    @Test
    void theHostsCapabilitiesJudgeTheGuest() throws Exception {
        LibvirtDaemon.require();
        LintCommandTest.Run ok = LintCommandTest.run(
                "--connect", "qemu:///system", guest("pc", "vnc").toString());
        assertThat(ok.out()).doesNotContain("[caps-");
        assertThat(ok.status()).isZero();

        LintCommandTest.Run bad = LintCommandTest.run(
                "--connect", "qemu:///system", guest("pc", "desktop").toString());
        assertThat(bad.status()).isEqualTo(1);
        assertThat(bad.out()).contains("[caps-graphics-unsupported]").contains("qemu:///system");
    }

    @Test
    void anUnreachableHostIsAUsageError() throws Exception {
        LintCommandTest.Run r = LintCommandTest.run(
                "--connect",
                "qemu:///system?socket=" + dir.resolve("nothing"),
                guest("pc", "vnc").toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("cannot read the domain capabilities");
    }

    @Test
    void oneSourceOfCapabilitiesAtATime() throws Exception {
        LintCommandTest.Run r = LintCommandTest.run(
                "--connect",
                "qemu:///system",
                "--qemu",
                "9.2",
                guest("pc", "vnc").toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("not several");
    }
}
