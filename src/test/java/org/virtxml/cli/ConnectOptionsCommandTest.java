package org.virtxml.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtxml.connect.Connector;
import org.virtxml.connect.Connectors;
import org.virtxml.connect.DomainState;
import org.virtxml.connect.remote.LibvirtDaemon;
import picocli.CommandLine;

/** --timeout and --wait of the verbs that connect, and connection errors that name the URI once. */
class ConnectOptionsCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private static Path guest(Path dir) throws Exception {
        return Files.writeString(
                dir.resolve("web1.xml"),
                "<domain type='kvm'>\n  <name>web1</name>\n"
                        + "  <uuid>3c9e1f4a-5b6d-4e7f-8a9b-0c1d2e3f4a5b</uuid>\n  <memory unit='MiB'>256</memory>\n"
                        + "  <vcpu>1</vcpu>\n  <os><type arch='x86_64' machine='q35'>hvm</type></os>\n</domain>\n");
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    @Test
    void applyStartWaitReturnsOnceTheGuestRuns(@TempDir Path dir) throws Exception {
        int status = run(
                "apply",
                "--connect",
                "mem:///wait",
                "--start",
                "--wait",
                "--timeout",
                "5",
                guest(dir).toString());
        assertThat(status).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("domain 'web1' defined").contains("started");
    }

    @Test
    void waitWithoutStartAndANonPositiveTimeoutAreUsageErrors(@TempDir Path dir) throws Exception {
        Path file = guest(dir);
        assertThat(run("apply", "--connect", "mem:///wait", "--wait", file.toString()))
                .isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("--wait needs --start");
        assertThat(run("apply", "--connect", "mem:///wait", "--timeout", "0", file.toString()))
                .isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("--timeout must be a positive number of seconds, not 0");
        assertThat(run("host", "--connect", "test:///default", "--timeout", "-3"))
                .isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("--timeout must be a positive number of seconds, not -3");
    }

    @Test
    void connectionErrorsNameTheUriOnce(@TempDir Path dir) throws Exception {
        String missing = "qemu:///system?socket=" + dir.resolve("no-daemon-here");
        assertThat(run("apply", "--connect", missing, guest(dir).toString())).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("does not exist (is libvirtd running?)");
        assertThat(occurrences(err.toString(), missing)).as(err.toString()).isEqualTo(1);

        String remoteUnix = "qemu+unix://otherhost/system";
        assertThat(run("host", "--connect", remoteUnix)).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("the unix transport reaches only this machine's socket");
        assertThat(occurrences(err.toString(), remoteUnix)).as(err.toString()).isEqualTo(1);
    }

    @Test
    void applyStartWaitOnTheRealDaemonsTestDriver(@TempDir Path dir) throws Exception {
        LibvirtDaemon.require();
        String name = "virtxml-wait-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        Path file = Files.writeString(
                dir.resolve("wait.xml"),
                "<domain type='test'>\n  <name>" + name + "</name>\n"
                        + "  <uuid>" + java.util.UUID.randomUUID()
                        + "</uuid>\n  <memory unit='MiB'>64</memory>\n  <vcpu>1</vcpu>\n"
                        + "  <os><type arch='x86_64'>hvm</type></os>\n</domain>\n");
        try {
            int status = run(
                    "apply", "--connect", "test:///default", "--start", "--wait", "--timeout", "20", file.toString());
            assertThat(status).as(out + "\n" + err).isZero();
            assertThat(out.toString()).contains("domain '" + name + "' defined").contains("started");
        } finally {
            try (Connector c = Connectors.open("test:///default")) {
                if (c.findDomain(name).isPresent()) {
                    if (c.lookupDomain(name).state() == DomainState.RUNNING) {
                        c.destroyDomain(name);
                    }
                    c.undefineDomain(name);
                }
            }
        }
    }
}
