package org.virtxml.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LintReportTest {

    private static Diagnostic finding(String rule) {
        return Diagnostic.of(rule, "m", "a.xml", 1, 1, null);
    }

    @Test
    void failOnIsAtOrAboveTheLevel() {
        LintReport warningOnly =
                new LintReport(List.of(new FileReport("a.xml", "domain", List.of(finding("boot-too-many")))));
        assertThat(warningOnly.exitCode(Severity.ERROR)).isZero();
        assertThat(warningOnly.exitCode(Severity.WARNING)).isEqualTo(1);
        assertThat(warningOnly.exitCode(Severity.INFO)).isEqualTo(1);

        LintReport infoOnly =
                new LintReport(List.of(new FileReport("a.xml", "domain", List.of(finding("output-only")))));
        assertThat(infoOnly.exitCode(Severity.ERROR)).isZero();
        assertThat(infoOnly.exitCode(Severity.WARNING)).isZero();
        assertThat(infoOnly.exitCode(Severity.INFO)).isEqualTo(1);

        LintReport error = new LintReport(List.of(
                new FileReport("b.xml", "pool", List.of()),
                new FileReport("a.xml", "domain", List.of(finding("name-missing")))));
        assertThat(error.exitCode(Severity.ERROR)).isEqualTo(1);
        assertThat(new LintReport(List.of()).exitCode(Severity.INFO)).isZero();
    }

    @Test
    void summaryCountsEverySeverity() {
        LintReport r = new LintReport(List.of(
                new FileReport(
                        "a.xml",
                        "domain",
                        List.of(
                                finding("name-missing"),
                                finding("boot-too-many"),
                                finding("output-only"),
                                finding("output-only"))),
                new FileReport("b.xml", "volume", List.of())));
        assertThat(r.summary()).isEqualTo(new LintSummary(2, 1, 1, 2));
        assertThat(r.summary().describe()).isEqualTo("2 files: 1 error, 1 warning, 2 infos");
        assertThat(r.diagnostics()).hasSize(4);
    }

    @Test
    void severityOrderAndParsing() {
        assertThat(Severity.ERROR.isAtLeast(Severity.WARNING)).isTrue();
        assertThat(Severity.INFO.isAtLeast(Severity.WARNING)).isFalse();
        assertThat(Severity.WARNING.isAtLeast(Severity.WARNING)).isTrue();
        assertThat(Severity.parse("Warning")).contains(Severity.WARNING);
        assertThat(Severity.parse("fatal")).isEmpty();
        assertThat(Severity.INFO.id()).isEqualTo("info");
    }

    @Test
    void validation() {
        assertThatThrownBy(() -> new FileReport("a", "vm", List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Diagnostic.of("no-such-rule", "m", "a", 1, 1, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Diagnostic("x", Severity.INFO, "m", "f", -1, 0, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Diagnostic.of("mac-duplicate", "m", "a", 2, 3, null).severity())
                .isEqualTo(Severity.WARNING);
    }
}
