package org.virtxml.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code virtxml lint} per spec/cli.md: formats, fail level, host options, disable, exit status. */
class LintCommandTest {

    @TempDir
    Path dir;

    record Run(int status, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new LintCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int status = cl.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    private Path bootDev() throws Exception {
        Path f = dir.resolve("vm.xml");
        Files.writeString(
                f,
                "<domain type='kvm'>\n  <name>vm</name>\n  <memory>1024</memory>\n  <os>\n"
                        + "    <type>hvm</type>\n    <boot dev='usb'/>\n  </os>\n</domain>\n");
        return f;
    }

    @Test
    void textFindingsAndExitOne() throws Exception {
        Path f = bootDev();
        Run r = run(f.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out())
                .contains(f + ":6:11: error: Invalid value for attribute 'dev' in element 'boot': 'usb'."
                        + " [boot-dev-invalid]");
        assertThat(r.err()).contains("1 file: 1 error");
    }

    @Test
    void disableAndFailOn() throws Exception {
        Path f = bootDev();
        assertThat(run("--disable", "boot-dev-invalid", f.toString()).status()).isZero();
        Files.writeString(f, Files.readString(f).replace("usb", "hd").replace("<name>vm</name>", "<name>v m</name>"));
        assertThat(run(f.toString()).status())
                .as("warning below the default fail level")
                .isZero();
        Run w = run("--fail-on", "warning", f.toString());
        assertThat(w.status()).isEqualTo(1);
        assertThat(w.out()).contains("[name-unportable]");
    }

    @Test
    void jsonSarifJunitGithub() throws Exception {
        Path f = bootDev();
        assertThat(run("--format", "json", f.toString()).out())
                .contains("\"rule\":\"boot-dev-invalid\"")
                .contains("\"xpath\":\"/domain/os/boot[1]/@dev\"")
                .contains("\"kind\":\"domain\"");
        assertThat(run("--format", "sarif", f.toString()).out())
                .contains("2.1.0")
                .contains("boot-dev-invalid");
        assertThat(run("--format", "junit", f.toString()).out())
                .contains("<testcase")
                .contains("<failure");
        assertThat(run("--format", "github", f.toString()).out()).contains("::error file=" + f + ",line=6,col=11::");
    }

    @Test
    void hostOptions() throws Exception {
        Path f = dir.resolve("big.xml");
        Files.writeString(
                f,
                "<domain type='qemu'><name>big</name><memory unit='GiB'>8</memory><vcpu>8</vcpu>"
                        + "<os><type>hvm</type></os></domain>");
        Run r = run("--host-cores", "4", "--host-memory", "4G", "--host-swap", "1GiB", f.toString());
        assertThat(r.out()).contains("[vcpu-exceeds-host-cores]").contains("[memory-exceeds-host]");
        assertThat(r.status()).isEqualTo(1);
        assertThat(run("--host-cores", "16", "--host-memory", "64G", f.toString())
                        .out())
                .doesNotContain("host-cores]")
                .doesNotContain("memory-exceeds-host");
    }

    @Test
    void usageErrorsExitTwoWithoutStackTraces() throws Exception {
        Path f = bootDev();
        for (String[] args : new String[][] {
            {"--format", "yaml", f.toString()},
            {"--fail-on", "fatal", f.toString()},
            {"--disable", "no-such-rule", f.toString()},
            {dir.resolve("missing.xml").toString()},
            {"--host-memory", "lots", f.toString()},
            {"--schemas", dir.toString(), f.toString()},
            {"--host", dir.resolve("nohost.xml").toString(), f.toString()},
            {}
        }) {
            Run r = run(args);
            assertThat(r.status()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception");
        }
    }

    @Test
    void foldersAreSearchedForXmlAndUnreadableDocumentsAreFindings() throws Exception {
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/broken.xml"), "<domain");
        Files.writeString(dir.resolve("sub/notes.txt"), "not linted");
        Run r = run("--format", "json", dir.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("broken.xml").contains("xml-malformed").doesNotContain("notes.txt");
    }
}
