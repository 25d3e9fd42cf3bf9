package org.virtxml.model;

/** A 1-based line and column in a document's text. */
public record Location(int line, int column) {
    public Location {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
        }
    }

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
