package org.virtxml.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.virtxml.model.ModelElement;

/**
 * The comments and processing instructions that stood between a document's elements, found in its
 * source text, so that the normal form keeps them in place: each one goes with the element it
 * preceded, or before its parent's end tag when it followed the last child.
 */
final class Interstitials {
    static final Interstitials NONE = new Interstitials(null, false);

    private final SourceMap map;
    private final boolean keep;

    /** {@code keep} false: no comments or processing instructions, only the order of attributes as written. */
    Interstitials(SourceMap map, boolean keep) {
        this.map = map;
        this.keep = keep;
    }

    /** The comments and processing instructions just before a child (typed element or kept DOM element). */
    List<String> before(Object child) {
        if (map == null || !keep) {
            return List.of();
        }
        SourceNode n = map.node(child);
        ElementSource parent =
                n instanceof ElementSource s ? s.parent() : n instanceof KeptSource k ? k.parent() : null;
        if (parent == null) {
            return List.of();
        }
        List<SourceNode> siblings = parent.children();
        int i = siblings.indexOf(n);
        int from = i <= 0 ? parent.startTagEnd() : siblings.get(i - 1).end();
        return in(from, n.start());
    }

    /**
     * The position among the attributes as written of an attribute read on this element, or -1
     * (an attribute set in code, or an element not read).
     */
    int attributeIndex(ModelElement element, String namespace, String local) {
        if (map == null || !(map.node(element) instanceof ElementSource s)) {
            return -1;
        }
        List<RawAttribute> attributes = s.tag().attributes();
        int index = 0;
        for (RawAttribute a : attributes) {
            if (a.isNamespaceDeclaration()) {
                continue;
            }
            if (a.localName().equals(local)
                    && (namespace.isEmpty() == a.prefix().isEmpty())) {
                return index;
            }
            index++;
        }
        return -1;
    }

    /** The prefixed namespace declarations written on this element in the source, prefix to namespace, in order. */
    Map<String, String> declarations(ModelElement element) {
        if (map == null || !(map.node(element) instanceof ElementSource s)) {
            return Map.of();
        }
        Map<String, String> out = null;
        for (RawAttribute a : s.tag().attributes()) {
            if (a.isNamespaceDeclaration() && !a.declaredPrefix().isEmpty()) {
                if (out == null) {
                    out = new LinkedHashMap<>();
                }
                out.put(a.declaredPrefix(), map.text().substring(a.valueStart(), a.valueEnd()));
            }
        }
        return out == null ? Map.of() : out;
    }

    /** Those after an element's last child (or in an element without children), before its end tag. */
    List<String> atEnd(ModelElement element) {
        if (map == null || !keep || !(map.node(element) instanceof ElementSource s) || s.selfClosing()) {
            return List.of();
        }
        List<SourceNode> children = s.children();
        int from = children.isEmpty()
                ? s.startTagEnd()
                : children.get(children.size() - 1).end();
        return in(from, s.endTagStart());
    }

    /** Those before the root element (after the XML declaration) and after it. */
    List<String> prolog() {
        return map == null || !keep
                ? List.of()
                : in(0, map.root().start()).stream()
                        .filter(s -> !s.startsWith("<?xml "))
                        .toList();
    }

    List<String> epilog() {
        return map == null || !keep
                ? List.of()
                : in(map.root().end(), map.text().length());
    }

    private List<String> in(int from, int to) {
        String text = map.text();
        List<String> out = new ArrayList<>(0);
        int i = text.indexOf('<', from);
        while (i >= 0 && i < to) {
            int end;
            if (text.startsWith("<!--", i)) {
                end = text.indexOf("-->", i + 4) + 3;
                out.add(text.substring(i, end));
            } else if (text.startsWith("<![CDATA[", i)) {
                end = text.indexOf("]]>", i) + 3;
            } else if (text.startsWith("<?", i)) {
                end = text.indexOf("?>", i + 2) + 2;
                out.add(text.substring(i, end));
            } else {
                end = i + 1;
            }
            i = text.indexOf('<', end);
        }
        return out;
    }
}
