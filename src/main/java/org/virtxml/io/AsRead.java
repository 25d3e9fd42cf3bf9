package org.virtxml.io;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.virtxml.model.ModelClass;
import org.virtxml.model.ModelElement;
import org.virtxml.model.ModelProperty;
import org.w3c.dom.Element;

/**
 * Which elements of a model are as they were read: their attribute values, text, kept attributes
 * and children the same objects (or equal ones) in the same places. Answers are remembered for
 * one write, so finding an unchanged document unchanged costs one walk of the model.
 */
final class AsRead {
    private final SourceMap map;
    private final Map<ModelElement, Boolean> cleanness = new IdentityHashMap<>();
    /** Scratch space of {@link #inSourceOrder} (which does not nest): the starts of the children seen. */
    private int[] starts = new int[16];

    /** A child of an element in the order the normal form writes it, with the name it is written under. */
    record Child(Object value, String namespace, String local, ModelProperty property) {}

    AsRead(SourceMap map) {
        this.map = map;
    }

    /** Whether an element and everything under it are as read, in place. */
    boolean clean(ModelElement e) {
        Boolean known = cleanness.get(e);
        if (known != null) {
            return known;
        }
        boolean c = map.node(e) instanceof ElementSource s && ownStateAsRead(e, s) && childrenAsRead(e, s);
        cleanness.put(e, c);
        return c;
    }

    private boolean ownStateAsRead(ModelElement e, ElementSource s) {
        List<ModelProperty> attributes = AttributeProperties.of(e.getClass());
        for (int i = 0; i < attributes.size(); i++) {
            ModelProperty p = attributes.get(i);
            Object now = p.get(e);
            Object was = s.attributeValue(i);
            if (now != was && !Objects.equals(now == null ? null : p.toText(now), was == null ? null : p.toText(was))) {
                return false;
            }
        }
        return (e.hasKeptAttributes() ? e.keptAttributes() : Map.of()).equals(s.keptAttributesRead())
                && Objects.equals(e.getText(), s.textRead());
    }

    private boolean childrenAsRead(ModelElement e, ElementSource s) {
        List<Child> children = children(e);
        if (children.size() != s.children().size() || !inSourceOrder(children, s)) {
            return false;
        }
        for (Child c : children) {
            SourceNode n = map.node(c.value());
            boolean same = c.value() instanceof ModelElement m
                    ? clean(m)
                    : n instanceof KeptSource k && ((Element) c.value()).isEqualNode(k.asRead());
            if (!same || parentOf(n) != s) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the children read from this element that are still there stand in their source order,
     * per property, each once. {@code children} are as {@link #children} gives them: the items of one
     * property next to each other. Sibling elements start at distinct offsets, so a child present
     * twice shows as a repeated start.
     */
    boolean inSourceOrder(List<Child> children, ElementSource s) {
        if (starts.length < children.size()) {
            starts = new int[Math.max(children.size(), starts.length * 2)];
        }
        int count = 0;
        boolean any = false;
        ModelProperty property = null;
        int last = 0;
        for (Child c : children) {
            SourceNode n = map.node(c.value());
            if (n == null || parentOf(n) != s) {
                continue;
            }
            if (any && c.property() == property && last > n.start()) {
                return false;
            }
            any = true;
            property = c.property();
            last = n.start();
            starts[count++] = n.start();
        }
        if (count > 1) {
            java.util.Arrays.sort(starts, 0, count);
            for (int i = 1; i < count; i++) {
                if (starts[i] == starts[i - 1]) {
                    return false;
                }
            }
        }
        return true;
    }

    static ElementSource parentOf(SourceNode n) {
        return n instanceof ElementSource s ? s.parent() : n instanceof KeptSource k ? k.parent() : null;
    }

    static String attributeText(ModelElement e, ModelProperty p) {
        Object v = p.get(e);
        return v == null ? null : p.toText(v);
    }

    /** Kept elements first, then typed children in libvirt's output order: the order the normal form uses. */
    static List<Child> children(ModelElement e) {
        List<Child> out = new ArrayList<>();
        for (Element k : e.keptElements()) {
            out.add(new Child(k, Objects.toString(k.getNamespaceURI(), ""), k.getLocalName(), null));
        }
        for (ModelProperty p : OutputOrder.elements(ModelClass.of(e.getClass()))) {
            Object v = p.get(e);
            if (v instanceof List<?> list) {
                for (Object item : list) {
                    out.add(new Child(item, p.namespace(), p.xmlName(), p));
                }
            } else if (v != null) {
                out.add(new Child(v, p.namespace(), p.xmlName(), p));
            }
        }
        return out;
    }
}
