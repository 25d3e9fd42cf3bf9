package org.virtxml.lint.report;

import java.io.IOException;
import org.virtxml.io.TerminalText;
import org.virtxml.lint.Diagnostic;
import org.virtxml.lint.FileReport;
import org.virtxml.lint.LintReport;
import org.virtxml.lint.Severity;

/**
 * GitHub Actions workflow commands, one per finding:
 * {@code ::error file=F,line=L,col=C::MESSAGE [RULE]}; warnings as {@code ::warning}, infos as
 * {@code ::notice}. Values are escaped as the Actions toolkit does ({@code %}, CR, LF, and in
 * properties also {@code :} and {@code ,}); other control characters as {@link TerminalText} escapes
 * them, since the log is shown in a terminal too.
 */
public final class GithubFormat implements ReportFormat {

    @Override
    public String name() {
        return "github";
    }

    @Override
    public void write(LintReport report, Severity failOn, Appendable out) throws IOException {
        for (FileReport file : report.files()) {
            for (Diagnostic d : file.diagnostics()) {
                out.append("::").append(command(d.severity())).append(" file=").append(property(file.path()));
                if (d.hasPosition()) {
                    out.append(",line=").append(Integer.toString(d.line()));
                    if (d.column() > 0) {
                        out.append(",col=").append(Integer.toString(d.column()));
                    }
                }
                out.append("::")
                        .append(data(d.message() + " [" + d.rule() + "]"))
                        .append('\n');
            }
        }
    }

    static String command(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "notice";
        };
    }

    static String data(String s) {
        return TerminalText.escape(s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"));
    }

    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
