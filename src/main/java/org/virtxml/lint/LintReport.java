package org.virtxml.lint;

import java.util.List;

/**
 * The result of one lint run: every document read, in input order, including those without
 * findings.
 */
public record LintReport(List<FileReport> files) {

    /** Exit status when nothing is at or above the fail level. */
    public static final int EXIT_CLEAN = 0;
    /** Exit status when some finding is at or above the fail level. */
    public static final int EXIT_FINDINGS = 1;
    /** Exit status when a rule failed on some document (a failure of the tool). */
    public static final int EXIT_TOOL_FAILURE = 2;

    public LintReport {
        files = List.copyOf(files);
    }

    public LintSummary summary() {
        long errors = 0;
        long warnings = 0;
        long infos = 0;
        for (FileReport f : files) {
            errors += f.count(Severity.ERROR);
            warnings += f.count(Severity.WARNING);
            infos += f.count(Severity.INFO);
        }
        return new LintSummary(files.size(), errors, warnings, infos);
    }

    /** True when any finding is at or above {@code failOn} ({@code --fail-on}). */
    public boolean failsAt(Severity failOn) {
        return files.stream().anyMatch(f -> !f.atOrAbove(failOn).isEmpty());
    }

    /** 2 when a rule failed on some document, else 1 when any finding is at or above {@code failOn}, else 0. */
    public int exitCode(Severity failOn) {
        if (!failures().isEmpty()) {
            return EXIT_TOOL_FAILURE;
        }
        return failsAt(failOn) ? EXIT_FINDINGS : EXIT_CLEAN;
    }

    /** The rules that failed during the run, file by file. */
    public List<InternalFailure> failures() {
        return files.stream().flatMap(f -> f.failures().stream()).toList();
    }

    /** Every finding of the run, file by file. */
    public List<Diagnostic> diagnostics() {
        return files.stream().flatMap(f -> f.diagnostics().stream()).toList();
    }

    /** Every error-level finding of the run. */
    public List<Diagnostic> errors() {
        return bySeverity(Severity.ERROR);
    }

    /** Every warning of the run. */
    public List<Diagnostic> warnings() {
        return bySeverity(Severity.WARNING);
    }

    /** Every finding at or above {@code level}. */
    public List<Diagnostic> atOrAbove(Severity level) {
        return diagnostics().stream().filter(d -> d.failsAt(level)).toList();
    }

    /** The report of one file, by its path as given or found. */
    public java.util.Optional<FileReport> file(String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst();
    }

    private List<Diagnostic> bySeverity(Severity s) {
        return diagnostics().stream().filter(d -> d.severity() == s).toList();
    }
}
