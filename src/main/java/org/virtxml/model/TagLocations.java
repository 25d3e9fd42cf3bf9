package org.virtxml.model;

/** The {@link Location}s of one element's start tag and its attributes, supplied by the reader (a source of locations, not a location type of its own). */
public interface TagLocations {
    /** The start of the element's start tag (its {@code <}). */
    Location location();

    /** The start of the named attribute in the start tag, or of the tag when it has no such attribute. */
    Location attributeLocation(String attributeName);
}
