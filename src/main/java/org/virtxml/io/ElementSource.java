package org.virtxml.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;

/**
 * A typed element as it stood in the source text: the spans of its start tag, content and end tag,
 * its attributes as written, and its state as read (attribute texts, text, kept attributes, the
 * children in document order), against which the byte-stable writer finds what changed.
 * Completed by the reader when the element ends; never changed afterwards.
 */
final class ElementSource implements SourceNode {
    private final int start;
    private final int startTagEnd;
    private final StartTag tag;
    private final Map<String, String> attributesRead;
    private final ElementSource parent;
    private final List<SourceNode> children = new ArrayList<>(4);
    private int endTagStart;
    private int end;
    private String textRead;
    private Map<QName, String> keptAttributesRead = Map.of();

    ElementSource(int start, int startTagEnd, StartTag tag, Map<String, String> attributesRead, ElementSource parent) {
        this.start = start;
        this.startTagEnd = startTagEnd;
        this.tag = tag;
        this.attributesRead = attributesRead;
        this.parent = parent;
        this.endTagStart = startTagEnd;
        this.end = startTagEnd;
    }

    void close(int endTagStart, int end, String text, Map<QName, String> keptAttributes) {
        this.endTagStart = endTagStart;
        this.end = end;
        this.textRead = text;
        this.keptAttributesRead = keptAttributes.isEmpty() ? Map.of() : Map.copyOf(keptAttributes);
    }

    void addChild(SourceNode child) {
        children.add(child);
    }

    /** Puts a kept copy where a typed child stood (an element the model holds once, read again). */
    void replaceChild(SourceNode old, SourceNode now) {
        int i = children.indexOf(old);
        if (i >= 0) {
            children.set(i, now);
        }
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
        return endTagStart;
    }

    @Override
    public int end() {
        return end;
    }

    StartTag tag() {
        return tag;
    }

    boolean selfClosing() {
        return tag.selfClosing();
    }

    /** Attribute values as the parser gave them, by {@link #key(String, String)}. */
    String attributeRead(String namespace, String local) {
        return attributesRead.get(key(namespace, local));
    }

    String textRead() {
        return textRead;
    }

    Map<QName, String> keptAttributesRead() {
        return keptAttributesRead;
    }

    ElementSource parent() {
        return parent;
    }

    List<SourceNode> children() {
        return Collections.unmodifiableList(children);
    }

    static String key(String namespace, String local) {
        return namespace == null || namespace.isEmpty() ? local : "{" + namespace + "}" + local;
    }
}
