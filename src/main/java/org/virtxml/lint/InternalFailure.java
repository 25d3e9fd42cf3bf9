package org.virtxml.lint;

import java.util.Objects;

/**
 * A rule that failed on one document (a bug of virtxml, not of the document): the run goes on
 * with the other rules and files, the rule's finding on that file says so, and the run's exit
 * status reports a failure of the tool. {@code lint --debug} prints the cause's stack trace.
 *
 * @param file  the document the rule failed on
 * @param rule  the rule id (for a stage that runs several rules, the first of them)
 * @param cause what the rule threw
 */
public record InternalFailure(String file, String rule, Throwable cause) {

    /** Message prefix of the findings that report a rule's failure. */
    public static final String PREFIX = "internal error: ";

    public InternalFailure {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(cause, "cause");
    }

    /** The finding that stands for this failure in the file's report, at the given position (0 = unknown). */
    public Diagnostic diagnostic(int line, int column, String xpath) {
        return new Diagnostic(
                rule,
                Severity.ERROR,
                PREFIX + "rule " + rule + " failed on this document ("
                        + cause.getClass().getSimpleName() + "); this is a bug of virtxml, --debug shows the trace",
                file,
                line,
                column,
                xpath);
    }
}
