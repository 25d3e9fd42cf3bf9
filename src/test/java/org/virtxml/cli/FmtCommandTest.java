package org.virtxml.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code virtxml fmt} as spec/cli.md says. */
class FmtCommandTest {

    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static final String VM =
            "<domain type='kvm'><name>vm</name>  <memory unit='KiB'>1024</memory><vcpu>0x2</vcpu></domain>";

    @Test
    void oneFileIsWrittenToStandardOutputExactlyAsHeld(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("vm.xml"), VM);
        Run r = run("fmt", f.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out())
                .isEqualTo("<domain type='kvm'>\n  <name>vm</name>\n  <memory unit='KiB'>1024</memory>\n"
                        + "  <vcpu>0x2</vcpu>\n</domain>\n");
    }

    @Test
    void severalFilesArePrecededByTheirNameAsGiven(@TempDir Path dir) throws Exception {
        Path a = Files.writeString(dir.resolve("a.xml"), VM);
        Path b = Files.writeString(
                dir.resolve("b.xml"), "<?xml version='1.0'?>\n<pool type='dir'><name>p</name></pool>");
        Run r = run("fmt", a.toString(), b.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("<!-- " + a + " -->\n<domain");
        assertThat(r.out()).contains("<!-- " + b + " -->\n<?xml version='1.0' encoding='UTF-8'?>\n<pool type='dir'>");
        assertThat(r.out()).endsWith("</pool>\n");
    }

    @Test
    void anUnreadableDocumentIsReportedWithItsPositionAndTheOthersAreStillWritten(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.xml"), "<domain>\n  <name>x</domain>");
        Path good = Files.writeString(dir.resolve("good.xml"), VM);
        Run r = run("fmt", bad.toString(), good.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).startsWith(bad + ":2:").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.out()).contains("<!-- " + good + " -->").doesNotContain("<!-- " + bad + " -->");
        assertThat(run("fmt", dir.resolve("missing.xml").toString()).exit()).isEqualTo(2);
    }

    @Test
    void writeIsAtomicAndKeepsCommentsInPlaceUnlessAskedToDropThem(@TempDir Path dir) throws Exception {
        Path plain = Files.writeString(dir.resolve("plain.xml"), VM);
        assertThat(run("fmt", "--write", plain.toString()).exit()).isZero();
        assertThat(Files.readString(plain)).startsWith("<domain type='kvm'>\n  <name>vm</name>");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("plain.xml");
        }

        String commented =
                "<!-- head --><domain type='kvm'><!-- keep me --><name>vm</name><devices/><!-- last --></domain>";
        Path c = Files.writeString(dir.resolve("c.xml"), commented);
        assertThat(run("fmt", "--write", c.toString()).exit()).isZero();
        assertThat(Files.readString(c))
                .isEqualTo("<!-- head -->\n<domain type='kvm'>\n  <!-- keep me -->\n  <name>vm</name>\n"
                        + "  <devices/>\n  <!-- last -->\n</domain>\n");
        assertThat(run("fmt", "--check", c.toString()).exit()).isZero();
        assertThat(run("fmt", "--write", "--drop-comments", c.toString()).exit())
                .isZero();
        assertThat(Files.readString(c)).doesNotContain("keep me").contains("<name>vm</name>");
    }

    @Test
    void checkListsTheFilesThatWouldChange(@TempDir Path dir) throws Exception {
        Path messy = Files.writeString(dir.resolve("messy.xml"), VM);
        Path tidy = Files.writeString(
                dir.resolve("tidy.xml"), run("fmt", messy.toString()).out());
        Run r = run("fmt", "--check", messy.toString(), tidy.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEqualTo(messy + "\n");
        assertThat(run("fmt", "--check", tidy.toString()).exit()).isZero();
        assertThat(Files.readString(messy)).isEqualTo(VM);
    }

    @Test
    void coverageReportsTypedAndKeptOccurrencesAsJson(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("vm.xml"), "<domain type='kvm'><name>vm</name><gadget a='1'/></domain>");
        Files.writeString(dir.resolve("junk.xml"), "<vm/>");
        Run r = run("coverage", "--format", "json", dir.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out())
                .contains("\"domain\":{\"typed\":3,\"kept\":2,\"documents\":1}")
                .contains("{\"kind\":\"domain\",\"path\":\"/domain/gadget\",\"count\":1}")
                .contains("{\"kind\":\"domain\",\"path\":\"/domain/gadget/@a\",\"count\":1}")
                .contains("junk.xml");
    }
}
