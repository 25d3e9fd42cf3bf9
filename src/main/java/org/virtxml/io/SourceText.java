package org.virtxml.io;

import java.util.Arrays;
import org.virtxml.model.Location;

/**
 * A document's decoded text with a line index, so that positions reported by the parser (the end
 * of a start tag) can be turned into the start of the tag and of its attributes. The index is
 * built when first asked: reading finds its offsets with a {@link LineCursor} instead, so a
 * document whose locations nobody asks for never builds it.
 */
final class SourceText {
    private final String text;
    /** The offsets at which the lines start; null until first asked (any thread may build it: same result). */
    private volatile int[] lineStarts;

    SourceText(String text) {
        this.text = text;
    }

    private int[] lineStarts() {
        int[] starts = lineStarts;
        if (starts == null) {
            starts = hasCarriageReturns() ? lineStartsWithReturns(text) : lineFeedStarts(text);
            lineStarts = starts;
        }
        return starts;
    }

    /** Whether a carriage return may end a line: then only the index counts lines as the parser does. */
    boolean hasCarriageReturns() {
        return text.indexOf('\r') >= 0;
    }

    /** Line starts of a text with line feeds alone: found in bulk by {@link String#indexOf(int, int)}, counted first. */
    private static int[] lineFeedStarts(String text) {
        int lines = 1;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            lines++;
        }
        int[] starts = new int[lines]; // counted first: one array of the exact size
        int n = 1;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            starts[n++] = i + 1;
        }
        return starts;
    }

    /** Line starts where a carriage return alone also ends a line (old Mac text, or mixed). */
    private static int[] lineStartsWithReturns(String text) {
        int[] starts = new int[64];
        int n = 0;
        starts[n++] = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, n);
    }

    String text() {
        return text;
    }

    /** The offset of a 1-based line and column; clamped to the text. */
    int offset(int line, int column) {
        int[] starts = lineStarts();
        int l = Math.max(1, Math.min(line, starts.length));
        return clamp(starts[l - 1] + column - 1);
    }

    /** An offset within the text. */
    int clamp(int offset) {
        return Math.max(0, Math.min(text.length(), offset));
    }

    /** The 1-based line and column of an offset. */
    Location location(int offset) {
        int[] lineStarts = lineStarts();
        int idx = Arrays.binarySearch(lineStarts, offset);
        int line = idx >= 0 ? idx : -idx - 2;
        return new Location(line + 1, offset - lineStarts[line] + 1);
    }

    /**
     * The offset of the {@code <} of the start tag whose end the parser reported at this line and
     * column (just after its {@code >}). An attribute value cannot hold a raw {@code <}, so the
     * nearest one before is the tag's.
     */
    int tagStart(int line, int column) {
        return tagStartBefore(offset(line, column));
    }

    /** The offset of the {@code <} of the start tag that ends just before {@code end} (see {@link #tagStart}). */
    int tagStartBefore(int end) {
        int i = text.lastIndexOf('<', Math.max(0, end - 1));
        return Math.max(i, 0);
    }

    /** Whether the start tag that ends just before {@code startTagEnd} is written {@code <a/>}. */
    boolean selfClosing(int startTagEnd) {
        return text.charAt(startTagEnd - 2) == '/';
    }

    /** The offset of an attribute's name inside the tag starting at tagStart, or tagStart. */
    int attributeStart(int tagStart, String name) {
        int end = tagEnd(tagStart);
        int i = tagStart;
        while (true) {
            i = text.indexOf(name, i + 1);
            if (i < 0 || i >= end) {
                return tagStart;
            }
            char before = text.charAt(i - 1);
            int after = i + name.length();
            if (Character.isWhitespace(before) && insideTagNotInValue(tagStart, i)) {
                int j = after;
                while (j < end && Character.isWhitespace(text.charAt(j))) {
                    j++;
                }
                if (j < end && text.charAt(j) == '=') {
                    return i;
                }
            }
        }
    }

    /** The offset of the {@code >} closing the tag at tagStart; a value may hold a raw {@code >}. */
    private int tagEnd(int tagStart) {
        char quote = 0;
        for (int k = tagStart; k < text.length(); k++) {
            char c = text.charAt(k);
            if (quote == 0 && (c == '"' || c == '\'')) {
                quote = c;
            } else if (c == quote) {
                quote = 0;
            } else if (quote == 0 && c == '>') {
                return k;
            }
        }
        return text.length();
    }

    /** Whether an offset inside a start tag is outside every quoted attribute value. */
    private boolean insideTagNotInValue(int tagStart, int pos) {
        char quote = 0;
        for (int k = tagStart; k < pos; k++) {
            char c = text.charAt(k);
            if (quote == 0 && (c == '"' || c == '\'')) {
                quote = c;
            } else if (c == quote) {
                quote = 0;
            }
        }
        return quote == 0;
    }
}
