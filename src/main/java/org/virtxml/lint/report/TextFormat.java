package org.virtxml.lint.report;

import java.io.IOException;
import org.virtxml.io.TerminalText;
import org.virtxml.lint.Diagnostic;
import org.virtxml.lint.FileReport;
import org.virtxml.lint.LintReport;
import org.virtxml.lint.Severity;

/**
 * {@code FILE:LINE:COL: SEVERITY: MESSAGE [RULE]}, one line per finding ({@code FILE: ...} when
 * the position is not known). Line breaks inside a message are written as {@code \n} so each
 * finding stays on one line, and every other control character as an escape too
 * ({@link TerminalText}): a document's values cannot steer the terminal.
 */
public final class TextFormat implements ReportFormat {

    @Override
    public String name() {
        return "text";
    }

    @Override
    public void write(LintReport report, Severity failOn, Appendable out) throws IOException {
        // one append to out per file: out is often a synchronized PrintWriter
        StringBuilder buffer = new StringBuilder(8192);
        for (FileReport file : report.files()) {
            if (file.diagnostics().isEmpty()) {
                continue;
            }
            String path = TerminalText.escape(file.path());
            for (Diagnostic d : file.diagnostics()) {
                line(buffer, path, d).append('\n');
            }
            out.append(buffer);
            buffer.setLength(0);
        }
    }

    /** The text line of one finding, without its line break. */
    public static String line(String path, Diagnostic d) {
        return line(new StringBuilder(), TerminalText.escape(path), d).toString();
    }

    /** Appends the text line of one finding to {@code sb}, without its line break; {@code path} already escaped. */
    private static StringBuilder line(StringBuilder sb, String escapedPath, Diagnostic d) {
        sb.append(escapedPath);
        if (d.hasPosition()) {
            sb.append(':').append(d.line()).append(':').append(d.column());
        }
        sb.append(": ")
                .append(d.severity().id())
                .append(": ")
                .append(oneLine(d.message()))
                .append(" [")
                .append(d.rule())
                .append(']');
        return sb;
    }

    static String oneLine(String s) {
        return TerminalText.escape(s);
    }
}
