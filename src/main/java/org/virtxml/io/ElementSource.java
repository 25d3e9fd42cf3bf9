package org.virtxml.io;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.virtxml.model.Location;
import org.virtxml.model.TagLocations;

/**
 * A typed element as it stood in the source text: the spans of its start tag, content and end tag,
 * its attributes as written (scanned again when asked, {@link #tag}), and its state as read (typed
 * attribute values, text, kept attributes, the children in document order), against which the
 * byte-stable writer finds what changed.
 * Completed by the reader when the element ends; never changed afterwards.
 */
final class ElementSource implements SourceNode, TagLocations {
    private final int start;
    private final int startTagEnd;
    /** The parent's record; for the root, the source text (kept once per document, not per element). */
    private final Object up;

    private Object[] attributeValues;
    /** Null when none (most elements have none); set, of its exact length, when the element ends. */
    private SourceNode[] children;

    private int end;
    /**
     * The text as read (a {@link String}, or null for none); or, for an element that also held
     * attributes the model does not type (rare), a {@link ReadState} with both.
     */
    private Object readState;

    /** The text and the attributes the model does not type, as read: for the few elements with such attributes. */
    private record ReadState(String text, Map<QName, String> keptAttributes) {}

    ElementSource(SourceText source, int start, int startTagEnd, ElementSource parent) {
        this.start = start;
        this.startTagEnd = startTagEnd;
        this.up = parent == null ? source : parent;
        this.end = startTagEnd;
    }

    /** The element has ended, with its children in document order (null for none), of their exact number. */
    void close(
            int end, String text, Map<QName, String> keptAttributes, Object[] attributeValues, SourceNode[] children) {
        this.end = end;
        this.readState = keptAttributes.isEmpty() ? text : new ReadState(text, Map.copyOf(keptAttributes));
        this.attributeValues = attributeValues;
        this.children = children;
    }

    @Override
    public int start() {
        return start;
    }

    int startTagEnd() {
        return startTagEnd;
    }

    /** Start of the end tag; equal to {@link #end()} for an element written {@code <a/>}. */
    int endTagStart() {
        // found again when asked rather than held: only an element whose content changed needs it
        return selfClosing() ? end : source().text().lastIndexOf("</", end - 1);
    }

    @Override
    public int end() {
        return end;
    }

    /** The start tag's parts, scanned when asked (only a changed element needs them; not held). */
    StartTag tag() {
        return StartTag.scan(source().text(), start, startTagEnd);
    }

    /** The document's source text, held by the root's record. */
    private SourceText source() {
        Object o = up;
        while (o instanceof ElementSource p) {
            o = p.up;
        }
        return (SourceText) o;
    }

    boolean selfClosing() {
        return source().selfClosing(startTagEnd);
    }

    /** The typed attribute values as read, in {@link AttributeProperties} order. */
    Object attributeValue(int index) {
        return AttributeProperties.at(attributeValues, index);
    }

    String textRead() {
        return readState instanceof ReadState r ? r.text() : (String) readState;
    }

    Map<QName, String> keptAttributesRead() {
        return readState instanceof ReadState r ? r.keptAttributes() : Map.of();
    }

    ElementSource parent() {
        return up instanceof ElementSource p ? p : null;
    }

    /** The number of children read (once the element has ended). */
    int childCount() {
        return children == null ? 0 : children.length;
    }

    List<SourceNode> children() {
        return children == null ? List.of() : Collections.unmodifiableList(Arrays.asList(children));
    }

    /** Whether this element was read from that source text (and not from another document's). */
    boolean readFrom(SourceText text) {
        return source() == text;
    }

    /** Where the start tag stands: the element read is its own source of locations, no object of its own. */
    @Override
    public Location location() {
        return source().location(start);
    }

    @Override
    public Location attributeLocation(String attributeName) {
        SourceText source = source();
        return source.location(source.attributeStart(start, attributeName));
    }

    @Override
    public String toString() {
        return location().toString();
    }

    static String key(String namespace, String local) {
        return namespace == null || namespace.isEmpty() ? local : "{" + namespace + "}" + local;
    }
}
