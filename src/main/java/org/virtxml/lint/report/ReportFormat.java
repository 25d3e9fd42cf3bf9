package org.virtxml.lint.report;

import java.io.IOException;
import org.virtxml.lint.LintReport;
import org.virtxml.lint.Severity;

/** One output format of {@code virtxml lint --format}. */
public interface ReportFormat {

    /** The name given to {@code --format}. */
    String name();

    /**
     * Writes {@code report}. Every finding is written whatever its severity; {@code failOn} is
     * used only by formats that mark failures (JUnit).
     */
    void write(LintReport report, Severity failOn, Appendable out) throws IOException;
}
