package org.virtxml.model;

/** Where a model element was read from; supplied by the reader. */
public interface SourcePosition {
    /** The start of the element's start tag (its {@code <}). */
    Location location();

    /** The start of the named attribute in the start tag, or of the tag when it has no such attribute. */
    Location attributeLocation(String attributeName);
}
