package org.virtxml.io;

/**
 * Turns the parser's line and column into offsets of a source text while it is read: the parser
 * reports positions in document order, so a cursor that walks from one line feed to the next
 * finds each offset without an index of every line (one pass over the line feeds in all). Gives
 * the same offsets as {@link SourceText#offset}; a text with carriage returns, whose lines the
 * parser counts in more ways, is left to that index. Used by one reader, one document at a time.
 */
final class LineCursor {
    private final SourceText source;
    private final String text;
    private final boolean indexed;
    /** The 1-based line the cursor is on, and the offset at which it starts. */
    private int line = 1;

    private int lineStart;

    LineCursor(SourceText source) {
        this.source = source;
        this.text = source.text();
        this.indexed = source.hasCarriageReturns();
    }

    /** The offset of a 1-based line and column, clamped to the text, as {@link SourceText#offset}. */
    int offset(int toLine, int column) {
        if (indexed) {
            return source.offset(toLine, column);
        }
        while (line < toLine) {
            int feed = text.indexOf('\n', lineStart);
            if (feed < 0) {
                break; // past the last line: its start, as the index clamps
            }
            lineStart = feed + 1;
            line++;
        }
        while (line > Math.max(1, toLine)) {
            lineStart = text.lastIndexOf('\n', lineStart - 2) + 1;
            line--;
        }
        return source.clamp(lineStart + column - 1);
    }
}
