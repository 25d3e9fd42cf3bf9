package org.virtxml.lint.facts;

/**
 * Where a fact sits in its document, for diagnostics.
 *
 * @param line   1-based line of the start tag (at the attribute where known); 0 when not known
 * @param column 1-based column; 0 when not known
 * @param xpath  e.g. {@code /domain/vcpu}, or null when not known
 */
public record SourceLocation(int line, int column, String xpath) {

    public static final SourceLocation UNKNOWN = new SourceLocation(0, 0, null);

    public SourceLocation {
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column are 1-based, or 0 when not known");
        }
    }

    public static SourceLocation of(int line, int column, String xpath) {
        return new SourceLocation(line, column, xpath);
    }
}
