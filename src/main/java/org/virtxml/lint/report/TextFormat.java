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
        for (FileReport file : report.files()) {
            for (Diagnostic d : file.diagnostics()) {
                out.append(line(file.path(), d)).append('\n');
            }
        }
    }

    /** The text line of one finding, without its line break. */
    public static String line(String path, Diagnostic d) {
        StringBuilder sb = new StringBuilder(TerminalText.escape(path));
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
        return sb.toString();
    }

    static String oneLine(String s) {
        return TerminalText.escape(s);
    }
}
