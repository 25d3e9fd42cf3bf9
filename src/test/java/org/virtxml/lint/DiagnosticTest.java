package org.virtxml.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DiagnosticTest {

    @Test
    void printsAsALineOfTheTextOutput() {
        Diagnostic d = new Diagnostic(
                "boot-dev-invalid", Severity.ERROR, "Invalid value 'yes'", "vm.xml", 19, 11, "/domain/os/boot[5]/@dev");
        assertThat(d).hasToString("vm.xml:19:11: error: Invalid value 'yes' [boot-dev-invalid]");
    }

    @Test
    void withoutPositionAndWithALineBreakInTheMessage() {
        Diagnostic d = new Diagnostic("xml-malformed", Severity.ERROR, "first\nsecond", "x.xml", 0, 0, null);
        assertThat(d).hasToString("x.xml: error: first\\nsecond [xml-malformed]");
    }

    @Test
    void aLintedDiagnosticPrintsWhatTheTextFormatPrints() throws Exception {
        Path flawed = Path.of("src/test/resources/samples/flawed/guide-boot-dev.xml");
        FileReport file = Linter.defaults().lint(flawed).files().get(0);
        assertThat(file.diagnostics())
                .isNotEmpty()
                .allSatisfy(d -> assertThat(d.toString())
                        .isEqualTo(org.virtxml.lint.report.TextFormat.line(d.file(), d))
                        .startsWith(d.file() + ":" + d.line() + ":" + d.column() + ": "));
    }
}
