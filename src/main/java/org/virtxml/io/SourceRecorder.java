package org.virtxml.io;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.virtxml.model.ModelElement;
import org.w3c.dom.Element;

/**
 * Records, while the model is built, where each typed element and each kept child element stood
 * in the source text and what it held as read: the {@link SourceMap} the byte-stable writer works from.
 * Positions come from the parser's locator: just after the start tag's {@code >} on start, just after
 * the end tag (or the {@code />}) on end.
 */
final class SourceRecorder {
    private final SourceText source;
    /** The parser's positions to offsets, in document order (no line index while reading). */
    private final LineCursor cursor;
    /**
     * Kept DOM elements to their source, and typed elements read once and then replaced by a later
     * occurrence (to null). A typed element read is found through its own {@link
     * ModelElement#attachedLocations()}, the {@link ElementSource} it was given: no table entry.
     */
    private final Map<Object, SourceNode> others = new IdentityHashMap<>(4);

    private final List<ElementSource> open;
    /** The top of {@link Scratch#pending}. */
    private int pendingTop;

    private final Scratch scratch;

    private ElementSource root;

    SourceRecorder(SourceText source, Scratch scratch) {
        this.source = source;
        this.cursor = new LineCursor(source);
        this.scratch = scratch;
        this.open = scratch.open;
    }

    /**
     * The recorder's working stacks, kept by a pooled parser from one document to the next (one
     * document at a time); {@link #release} drops what they refer to, so the pool keeps no record
     * of a document alive.
     */
    static final class Scratch {
        private final List<ElementSource> open = new ArrayList<>();
        /**
         * The children so far of the open elements, innermost last: those of the element open at
         * depth d from {@code childBase[d]} on. Each record gets an array of its exact size when it ends.
         */
        private SourceNode[] pending = new SourceNode[64];

        private int[] childBase = new int[16];
        /** The most children pending at once since the last release: the slots to clear. */
        private int used;

        void release() {
            java.util.Arrays.fill(pending, 0, used, null);
            used = 0;
            open.clear();
        }
    }

    /** A typed element has started; its source, which is also where it reports its positions. */
    ElementSource openElement(ModelElement element, int line, int column) {
        int tagEnd = cursor.offset(line, column);
        int start = source.tagStartBefore(tagEnd);
        ElementSource parent = open.isEmpty() ? null : open.get(open.size() - 1);
        ElementSource s = new ElementSource(source, start, tagEnd, parent);
        if (parent == null) {
            root = s;
        } else {
            addChild(s);
        }
        open.add(s);
        if (open.size() > scratch.childBase.length) {
            scratch.childBase = java.util.Arrays.copyOf(scratch.childBase, scratch.childBase.length * 2);
        }
        scratch.childBase[open.size() - 1] = pendingTop;
        return s;
    }

    /**
     * A typed element has ended; {@code text}: its text as read ({@link ModelElement#getText()});
     * {@code attributeValues}: its typed attribute values as read (see {@link AttributeProperties}).
     */
    void closeElement(ModelElement element, String text, Object[] attributeValues, int line, int column) {
        int base = scratch.childBase[open.size() - 1];
        SourceNode[] children =
                base == pendingTop ? null : java.util.Arrays.copyOfRange(scratch.pending, base, pendingTop);
        pendingTop = base;
        ElementSource s = open.remove(open.size() - 1);
        // the recorder's own text rather than s.selfClosing(), which walks up to the root to find it
        int end = source.selfClosing(s.startTagEnd()) ? s.startTagEnd() : cursor.offset(line, column);
        s.close(
                end,
                text,
                element.hasKeptAttributes() ? element.keptAttributes() : Map.of(),
                attributeValues,
                children);
    }

    /** Adds a child to the innermost open element. */
    private void addChild(SourceNode child) {
        if (pendingTop == scratch.pending.length) {
            scratch.pending = java.util.Arrays.copyOf(scratch.pending, pendingTop * 2);
        }
        scratch.pending[pendingTop++] = child;
        if (pendingTop > scratch.used) {
            scratch.used = pendingTop;
        }
    }

    /** A kept child element has ended: its whole span and a copy of it as kept. */
    void keptElement(Element kept, int startLine, int startColumn, int endLine, int endColumn) {
        int tagEnd = cursor.offset(startLine, startColumn);
        int start = source.tagStartBefore(tagEnd);
        int end = source.selfClosing(tagEnd) && startLine == endLine && startColumn == endColumn
                ? tagEnd
                : cursor.offset(endLine, endColumn);
        ElementSource parent = open.get(open.size() - 1);
        KeptSource k = new KeptSource(start, end, (Element) kept.cloneNode(true), parent);
        addChild(k);
        others.put(kept, k);
    }

    /**
     * An element the model holds once was read again: the earlier one is now kept as DOM at its
     * place. Both are children of the innermost open element (the later one is not open yet), so
     * the earlier one's record stands among that element's pending children.
     */
    void replaced(ModelElement earlier, Element kept) {
        others.put(earlier, null); // no longer in the model: found nowhere
        int depth = open.size() - 1;
        ElementSource parent = open.get(depth);
        if (earlier.attachedLocations() instanceof ElementSource s && s.parent() == parent) {
            KeptSource k = new KeptSource(s.start(), s.end(), (Element) kept.cloneNode(true), parent);
            for (int i = scratch.childBase[depth]; i < pendingTop; i++) {
                if (scratch.pending[i] == s) {
                    scratch.pending[i] = k;
                }
            }
            others.put(kept, k);
        }
    }

    SourceMap result(Charset charset, String byteOrderMark) {
        return new SourceMap(source, charset, byteOrderMark, root, others.isEmpty() ? Map.of() : others, null);
    }
}
