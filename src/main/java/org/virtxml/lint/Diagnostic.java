package org.virtxml.lint;

import java.util.Objects;

/**
 * One finding of the linter.
 *
 * @param rule     rule id from {@link RuleCatalog}
 * @param severity severity of this finding (normally the rule's default)
 * @param message  human-readable message, naming the values involved
 * @param file     the path as given or as found under a given folder
 * @param line     1-based line of the start tag carrying the problem; 0 when not known
 * @param column   1-based column; 0 when not known
 * @param xpath    XPath of the element or attribute, or null when not known
 */
public record Diagnostic(
        String rule, Severity severity, String message, String file, int line, int column, String xpath) {

    public Diagnostic {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(file, "file");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column are 1-based, or 0 when not known");
        }
    }

    /** A finding of {@code rule} at its default severity from the {@link RuleCatalog}. */
    public static Diagnostic of(String rule, String message, String file, int line, int column, String xpath) {
        return new Diagnostic(rule, RuleCatalog.get(rule).severity(), message, file, line, column, xpath);
    }

    /** True when the line (and so the position) of this finding is known. */
    public boolean hasPosition() {
        return line > 0;
    }

    /** True when this finding makes a run fail at {@code failOn}. */
    public boolean failsAt(Severity failOn) {
        return severity.isAtLeast(failOn);
    }

    /** The finding as one line of lint's text output: {@code file:line:column: severity: message [rule]}. */
    @Override
    public String toString() {
        return textLine(file);
    }

    /** The text output's line for this finding under {@code path}; line breaks in the message shown as {@code \n}. */
    public String textLine(String path) {
        StringBuilder sb = new StringBuilder(path);
        if (hasPosition()) {
            sb.append(':').append(line).append(':').append(column);
        }
        return sb.append(": ")
                .append(severity.id())
                .append(": ")
                .append(oneLine(message))
                .append(" [")
                .append(rule)
                .append(']')
                .toString();
    }

    /** Text on one line: carriage returns and line feeds written as {@code \r} and {@code \n}. */
    public static String oneLine(String s) {
        return s.replace("\r", "\\r").replace("\n", "\\n");
    }
}
