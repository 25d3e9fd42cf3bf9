package org.virtxml.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.virtxml.io.LibvirtDocument;
import org.virtxml.io.LibvirtXml;

/** The library interface: fluent configuration, documents in memory, thread safety, two-line JUnit use. */
class LinterApiTest {

    @Test
    void twoLinesInAUsersTest() throws Exception {
        Path good = Path.of(
                LinterApiTest.class.getResource("/samples/kvm-guest.xml").toURI());
        assertThat(Linter.defaults().lint(good).errors()).isEmpty();
        Path flawed = Path.of(LinterApiTest.class.getResource("/samples/flawed").toURI());
        assertThat(Linter.defaults().lint(flawed).errors()).isNotEmpty();
    }

    @Test
    void positionsAndXpathOfAttributeFindings() {
        String xml = "<domain type='kvm'>\n<name>x</name>\n<memory>1024</memory>\n<os>\n<type>hvm</type>\n"
                + "<boot dev='hd'/>\n  <boot   dev='yes'/>\n"
                + "</os>\n</domain>";
        Diagnostic d = Linter.defaults().lintText("vm.xml", xml).diagnostics().stream()
                .filter(x -> x.rule().equals("boot-dev-invalid"))
                .findFirst()
                .orElseThrow();
        assertThat(d.line()).isEqualTo(7);
        assertThat(d.column()).isEqualTo(11);
        assertThat(d.xpath()).isEqualTo("/domain/os/boot[2]/@dev");
        assertThat(d.file()).isEqualTo("vm.xml");
    }

    @Test
    void unknownElementsAreLocatedAndSuggested() {
        String xml = "<domain type='kvm'>\n<name>x</name>\n<memory>1024</memory>\n<os><type>hvm</type></os>\n"
                + "<devices>\n  <disk type='file'><source file='/a'/><target dev='vda'/></disk>\n"
                + "  <disk type='file'><source file='/b'/><taget dev='vdb'/></disk>\n</devices>\n"
                + "<features><acpi/><apicc/></features>\n<metadata><mine/></metadata>\n</domain>";
        List<Diagnostic> unknown = Linter.defaults().lintText("vm.xml", xml).diagnostics().stream()
                .filter(x -> x.rule().equals("unknown-element"))
                .toList();
        assertThat(unknown).hasSize(2);
        assertThat(unknown.get(0).message()).isEqualTo("unknown element <taget> in <disk>, did you mean target?");
        assertThat(unknown.get(0).line()).isEqualTo(7);
        assertThat(unknown.get(0).column()).isEqualTo(40);
        assertThat(unknown.get(0).xpath()).isEqualTo("/domain/devices/disk[2]/taget[1]");
        assertThat(unknown.get(1).severity())
                .as("libvirt refuses unknown features")
                .isEqualTo(Severity.ERROR);
        assertThat(unknown.get(1).message()).contains("did you mean apic?");
    }

    @Test
    void messagesQuoteUserValuesLiterallyWithoutInterpolatingThem() {
        String xml = "<domain type='${1+1}{detail}'><name>x</name><memory>1</memory><os><type>hvm</type></os></domain>";
        Diagnostic d = Linter.defaults().lintText("vm.xml", xml).diagnostics().stream()
                .filter(x -> x.rule().equals("domain-type-invalid"))
                .findFirst()
                .orElseThrow();
        assertThat(d.message()).isEqualTo("invalid domain type ${1+1}{detail}");
    }

    @Test
    void documentsInMemoryAndDisabledRules() throws Exception {
        LibvirtDocument<?> doc = LibvirtXml.defaults()
                .parse("<domain type='kvm'><name>a b</name><memory>1</memory>" + "<os><type>hvm</type></os></domain>");
        assertThat(Linter.defaults().lintDocuments(doc).diagnostics())
                .extracting(Diagnostic::rule)
                .contains("name-unportable");
        assertThat(Linter.builder()
                        .disable("name-unportable")
                        .build()
                        .lintDocuments(doc)
                        .diagnostics())
                .extracting(Diagnostic::rule)
                .doesNotContain("name-unportable");
        assertThatThrownBy(() -> Linter.builder().disable("nope")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void failLevelAndMissingPaths() throws Exception {
        String xml = "<domain type='kvm'><name>a b</name><memory>1</memory><os><type>hvm</type></os></domain>";
        Linter strict = Linter.builder().failOn(Severity.WARNING).build();
        assertThat(strict.fails(strict.lintText("a.xml", xml))).isTrue();
        assertThat(Linter.defaults().fails(Linter.defaults().lintText("a.xml", xml)))
                .isFalse();
        assertThatThrownBy(() -> Linter.defaults().lint(Path.of("no/such/dir")))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void oneLinterFromManyThreadsGivesTheSameReports() throws Exception {
        Path flawed = Path.of(LinterApiTest.class.getResource("/samples/flawed").toURI());
        Linter linter = Linter.defaults();
        LintReport expected = linter.lint(flawed);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<LintReport>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 32; i++) {
                runs.add(pool.submit(() -> linter.lint(flawed)));
            }
            for (Future<LintReport> f : runs) {
                assertThat(f.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdown();
        }
    }
}
