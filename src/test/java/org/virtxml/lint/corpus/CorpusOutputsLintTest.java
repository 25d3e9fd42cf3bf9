package org.virtxml.lint.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.virtxml.corpus.Corpus;
import org.virtxml.lint.Diagnostic;
import org.virtxml.lint.FileReport;
import org.virtxml.lint.LintReport;
import org.virtxml.lint.Linter;

/**
 * What must be shown (2): no error-level finding on any corpus document libvirt itself wrote as
 * expected output, except those listed here with libvirt's own reason for refusing them.
 */
class CorpusOutputsLintTest {

    /** Output files libvirt's own parser refuses (relative path to libvirt's reason). */
    static final Map<String, String> REFUSED_BY_LIBVIRT = Map.of();

    @Test
    void noErrorsOnDocumentsLibvirtWrote() throws Exception {
        List<Path> files = CorpusFiles.libvirtOutputs();
        assertThat(files).hasSizeGreaterThan(1000);
        Linter linter = Linter.defaults();
        // each test document is linted on its own: they are not guests of one host
        LintReport report = new LintReport(files.parallelStream()
                .map(f -> {
                    try {
                        return linter.lint(f).files().get(0);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                })
                .toList());
        Map<String, List<Diagnostic>> errors = new TreeMap<>();
        for (FileReport f : report.files()) {
            List<Diagnostic> e = f.diagnostics().stream()
                    .filter(d -> d.severity() == org.virtxml.lint.Severity.ERROR)
                    .toList();
            String rel = Corpus.relative(Path.of(f.path()));
            if (!e.isEmpty() && !REFUSED_BY_LIBVIRT.containsKey(rel)) {
                errors.put(rel, e);
            }
        }
        errors.forEach((f, e) ->
                e.forEach(d -> System.out.println(f + ":" + d.line() + ": " + d.message() + " [" + d.rule() + "]")));
        System.out.println("linted " + files.size() + " libvirt outputs; "
                + report.summary().describe());
        assertThat(errors).isEmpty();
    }
}
