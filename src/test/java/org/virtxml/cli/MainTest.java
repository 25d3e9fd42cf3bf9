package org.virtxml.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The top-level command line: every verb registered, Hibernate Validator's banner kept off stderr. */
class MainTest {

    @TempDir
    Path dir;

    @Test
    void commandLineRegistersEveryVerbInUsageOrder() {
        assertThat(Main.commandLine().getSubcommands().keySet())
                .containsExactly(
                        "fmt", "new", "clone", "edit", "diff", "describe", "lint", "coverage", "host", "apply");
    }

    @Test
    void lintThroughMainRunsTheVerbAndLogsNothing() throws Exception {
        Path f = dir.resolve("vm.xml");
        Files.writeString(
                f,
                "<domain type='kvm'>\n  <name>vm</name>\n  <memory>1024</memory>\n  <os>\n"
                        + "    <type>hvm</type>\n    <boot dev='usb'/>\n  </os>\n</domain>\n");
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            status = Main.run("lint", f.toString());
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
        assertThat(status).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("[boot-dev-invalid]");
        // lint boots no Bean Validation (NoBeanValidationLoadTest): no validator banner (HV000001) or other log line
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("1 file: 1 error, 0 warnings, 0 infos\n");
    }

    @Test
    void versionAloneStillPrintsTheVersion() {
        PrintStream savedOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            status = Main.run("--version");
        } finally {
            System.setOut(savedOut);
        }
        assertThat(status).isEqualTo(0);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("virtxml 0.1.0" + System.lineSeparator());
    }

    @Test
    void unknownVerbIsAUsageErrorWithASuggestionFromAllVerbs() {
        PrintStream savedErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            status = Main.run("lnit");
        } finally {
            System.setErr(savedErr);
        }
        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("Unmatched argument at index 0: 'lnit'", "Did you mean: virtxml ");
    }
}
