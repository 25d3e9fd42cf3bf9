package org.virtxml.io;

import org.virtxml.model.Location;
import org.virtxml.model.TagLocations;

/** The position of one element read from a document: the parser's end-of-start-tag, resolved lazily. */
final class ReadTagLocations implements TagLocations {
    private final SourceText source;
    private final int line;
    private final int column;

    ReadTagLocations(SourceText source, int line, int column) {
        this.source = source;
        this.line = line;
        this.column = column;
    }

    @Override
    public Location location() {
        return source.location(source.tagStart(line, column));
    }

    @Override
    public Location attributeLocation(String attributeName) {
        int tag = source.tagStart(line, column);
        return source.location(source.attributeStart(tag, attributeName));
    }

    @Override
    public String toString() {
        return location().toString();
    }
}
