package org.virtxml.lint.report;

import java.io.IOException;
import java.util.List;
import org.virtxml.lint.Diagnostic;
import org.virtxml.lint.FileReport;
import org.virtxml.lint.LintReport;
import org.virtxml.lint.Severity;

/**
 * JUnit XML as CI servers read it: one {@code <testsuite>} with a {@code <testcase>} per file
 * ({@code classname="virtxml.lint.KIND"}, {@code name=PATH}). A file fails when it has findings at
 * or above the fail level: its {@code <failure>} lists them as text lines; findings below the
 * fail level go to the test case's {@code <system-out>}.
 */
public final class JunitFormat implements ReportFormat {

    static final String SUITE = "virtxml lint";

    @Override
    public String name() {
        return "junit";
    }

    @Override
    public void write(LintReport report, Severity failOn, Appendable out) throws IOException {
        int tests = report.files().size();
        long failures = report.files().stream()
                .filter(f -> !f.atOrAbove(failOn).isEmpty())
                .count();
        String counts = " tests=\"" + tests + "\" failures=\"" + failures + "\" errors=\"0\"";
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<testsuites name=\"")
                .append(SUITE)
                .append('"')
                .append(counts)
                .append(">\n");
        out.append("  <testsuite name=\"")
                .append(SUITE)
                .append('"')
                .append(counts)
                .append(" skipped=\"0\">\n");
        for (FileReport file : report.files()) {
            testcase(file, failOn, out);
        }
        out.append("  </testsuite>\n");
        out.append("</testsuites>\n");
    }

    private static void testcase(FileReport file, Severity failOn, Appendable out) throws IOException {
        out.append("    <testcase classname=\"virtxml.lint.")
                .append(XmlEscape.attribute(file.kind()))
                .append("\" name=\"")
                .append(XmlEscape.attribute(file.path()))
                .append('"');
        List<Diagnostic> failing = file.atOrAbove(failOn);
        List<Diagnostic> other = file.below(failOn);
        if (failing.isEmpty() && other.isEmpty()) {
            out.append("/>\n");
            return;
        }
        out.append(">\n");
        if (!failing.isEmpty()) {
            Severity worst = failing.stream()
                    .map(Diagnostic::severity)
                    .min(Enum::compareTo)
                    .orElseThrow();
            String message =
                    failing.size() + (failing.size() == 1 ? " finding" : " findings") + " at or above " + failOn.id();
            out.append("      <failure type=\"")
                    .append(worst.id())
                    .append("\" message=\"")
                    .append(XmlEscape.attribute(message))
                    .append("\">")
                    .append(XmlEscape.text(lines(file.path(), failing)))
                    .append("</failure>\n");
        }
        if (!other.isEmpty()) {
            out.append("      <system-out>")
                    .append(XmlEscape.text(lines(file.path(), other)))
                    .append("</system-out>\n");
        }
        out.append("    </testcase>\n");
    }

    private static String lines(String path, List<Diagnostic> diagnostics) {
        StringBuilder sb = new StringBuilder();
        for (Diagnostic d : diagnostics) {
            sb.append(TextFormat.line(path, d)).append('\n');
        }
        return sb.toString();
    }
}
