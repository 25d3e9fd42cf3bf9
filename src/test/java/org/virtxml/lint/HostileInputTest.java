package org.virtxml.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What must be shown (5): hostile and broken input yields one diagnostic each, never an exception. */
class HostileInputTest {

    @TempDir
    Path dir;

    private Diagnostic only(Path file) throws Exception {
        LintReport r = Linter.defaults().lint(file);
        assertThat(r.files()).hasSize(1);
        assertThat(r.files().get(0).kind()).isEqualTo("unknown");
        List<Diagnostic> d = r.files().get(0).diagnostics();
        assertThat(d).hasSize(1);
        return d.get(0);
    }

    private Path write(String name, byte[] bytes) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    @Test
    void garbage() throws Exception {
        byte[] b = new byte[4096];
        new java.util.Random(4).nextBytes(b);
        assertThat(only(write("garbage.xml", b)).rule()).isEqualTo("xml-malformed");
    }

    @Test
    void empty() throws Exception {
        assertThat(only(write("empty.xml", new byte[0])).rule()).isEqualTo("xml-malformed");
    }

    @Test
    void huge() throws Exception {
        byte[] big = ("<domain type='kvm'><description>" + "x".repeat(40 * 1024 * 1024) + "</description></domain>")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(only(write("huge.xml", big)).rule()).isEqualTo("xml-malformed");
    }

    @Test
    void deeplyNested() throws Exception {
        String deep = "<domain type='kvm'>" + "<a>".repeat(100_000) + "</a>".repeat(100_000) + "</domain>";
        Diagnostic d = only(write("deep.xml", deep.getBytes(StandardCharsets.UTF_8)));
        assertThat(d.rule()).isEqualTo("xml-malformed");
        assertThat(d.message()).contains("nested");
    }

    @Test
    void wrongEncoding() throws Exception {
        byte[] latin1 = "<domain type='kvm'><name>caf\u00e9</name></domain>".getBytes(StandardCharsets.ISO_8859_1);
        byte[] declared = ("<?xml version='1.0' encoding='UTF-8'?>\n<domain type='kvm'><name>caf\u00e9</name></domain>")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(only(write("latin1.xml", latin1)).rule()).isEqualTo("xml-malformed");
        assertThat(only(write("declared.xml", declared)).rule()).isEqualTo("xml-malformed");
    }

    @Test
    void doctypesAreRefusedNeverExpanded() throws Exception {
        String xxe = "<?xml version='1.0'?><!DOCTYPE domain [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
                + "<domain type='kvm'><name>&x;</name></domain>";
        String bomb = "<!DOCTYPE d [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;'>"
                + "<!ENTITY c '&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;'>]><domain>&c;</domain>";
        Diagnostic d1 = only(write("xxe.xml", xxe.getBytes(StandardCharsets.UTF_8)));
        Diagnostic d2 = only(write("bomb.xml", bomb.getBytes(StandardCharsets.UTF_8)));
        assertThat(d1.rule()).isEqualTo("xml-unsafe");
        assertThat(d2.rule()).isEqualTo("xml-unsafe");
        assertThat(d1.message()).doesNotContain("root:");
    }

    @Test
    void unknownRootAndTheRunGoesOn() throws Exception {
        write("a-vm.xml", "<vm><name>n</name></vm>".getBytes(StandardCharsets.UTF_8));
        write("b-bad.xml", "<domain".getBytes(StandardCharsets.UTF_8));
        Files.writeString(dir.resolve("c-ok.xml"), RuleCasesTest.domain(""));
        LintReport r = Linter.defaults().lint(dir);
        assertThat(r.files()).extracting(FileReport::kind).containsExactly("unknown", "unknown", "domain");
        assertThat(r.files().get(0).diagnostics()).extracting(Diagnostic::rule).containsExactly("root-unknown");
        assertThat(r.files().get(1).diagnostics()).extracting(Diagnostic::rule).containsExactly("xml-malformed");
        assertThat(r.files().get(1).diagnostics().get(0).line()).isPositive();
    }
}
