package org.virtxml.io;

import java.nio.charset.Charset;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.virtxml.model.ModelElement;
import org.virtxml.model.ModelProperty;
import org.w3c.dom.Element;

/**
 * A document's source text and where each of its model objects stood in it: a typed element read
 * through the {@link ElementSource} it carries, kept DOM elements by identity to their {@link
 * KeptSource} (and, for a deep copy, every object by identity). Also the encoding and byte order
 * mark the text was read with, so that writing gives the same bytes.
 */
final class SourceMap {
    private final SourceText source;
    private final Charset charset;
    private final String byteOrderMark;
    private final ElementSource root;
    /**
     * Kept DOM elements to their source, and typed elements no longer held (to null). A typed
     * element read carries its own {@link ElementSource} ({@link ModelElement#attachedLocations()}).
     */
    private final Map<Object, SourceNode> others;
    /** For a copy of a document read ({@link #rebased}): every object of the copy to its source; else null. */
    private final Map<Object, SourceNode> copied;

    SourceMap(
            SourceText source,
            Charset charset,
            String byteOrderMark,
            ElementSource root,
            Map<Object, SourceNode> others,
            Map<Object, SourceNode> copied) {
        this.source = source;
        this.charset = charset;
        this.byteOrderMark = byteOrderMark;
        this.root = root;
        this.others = others;
        this.copied = copied;
    }

    String text() {
        return source.text();
    }

    Charset charset() {
        return charset;
    }

    /** The byte order mark the source started with, as a character ("" when none). */
    String byteOrderMark() {
        return byteOrderMark;
    }

    ElementSource root() {
        return root;
    }

    /** Where a model element or kept DOM element stood, or null for one that was not read. */
    SourceNode node(Object modelObject) {
        return lookup(modelObject, null);
    }

    /**
     * {@link #node} of an object looked for as a child of {@code parent}, a record of this
     * document: the same answer whenever it is a child of {@code parent}, else null or a node
     * elsewhere. A typed element's own record whose parent is {@code parent} was read from this
     * text; found so without walking up to the root.
     */
    SourceNode nodeUnder(Object modelObject, ElementSource parent) {
        return lookup(modelObject, parent);
    }

    private SourceNode lookup(Object modelObject, ElementSource parent) {
        if (copied != null) {
            return copied.get(modelObject);
        }
        if (!others.isEmpty()) {
            SourceNode n = others.get(modelObject);
            if (n != null || others.containsKey(modelObject)) {
                return n;
            }
        }
        if (!(modelObject instanceof ModelElement m && m.attachedLocations() instanceof ElementSource s)) {
            return null;
        }
        return (parent != null ? s.parent() == parent : s.readFrom(source)) ? s : null;
    }

    /**
     * The same source facts for a copy of a model read from it: each object of {@code copy} is
     * mapped to the source of the object at the same place in {@code original} (same property,
     * same index, same class), as a deep copy produces.
     */
    SourceMap rebased(ModelElement original, ModelElement copy) {
        Map<Object, SourceNode> mapped = new IdentityHashMap<>();
        pair(original, copy, mapped);
        return new SourceMap(source, charset, byteOrderMark, root, Map.of(), mapped);
    }

    private void pair(ModelElement original, ModelElement copy, Map<Object, SourceNode> into) {
        if (original.getClass() != copy.getClass()) {
            return;
        }
        SourceNode n = node(original);
        if (n != null) {
            into.put(copy, n);
        }
        List<Element> keptOriginal = original.keptElements();
        List<Element> keptCopy = copy.keptElements();
        for (int i = 0; i < Math.min(keptOriginal.size(), keptCopy.size()); i++) {
            SourceNode k = node(keptOriginal.get(i));
            if (k != null) {
                into.put(keptCopy.get(i), k);
            }
        }
        for (ModelProperty p : ModelProperty.of(original.getClass())) {
            if (p.isAttribute()) {
                continue;
            }
            List<Object> a = p.values(original);
            List<Object> b = p.values(copy);
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                if (a.get(i) instanceof ModelElement x && b.get(i) instanceof ModelElement y) {
                    pair(x, y, into);
                }
            }
        }
    }
}
