package org.virtxml.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.xml.namespace.QName;
import org.virtxml.model.ModelClass;
import org.virtxml.model.ModelElement;
import org.virtxml.model.ModelProperty;
import org.w3c.dom.Element;

/**
 * Which elements of a model are as they were read: their attribute values, text, kept attributes
 * and children the same objects (or equal ones) in the same places. Finding an unchanged document
 * unchanged costs one walk of the model and keeps nothing; for a changed one, the elements found
 * changed are remembered for the writer's next questions (see {@link #clean(ModelElement)}).
 */
final class AsRead {
    private static final int[] NO_STARTS = {};

    private final SourceMap map;
    /** The elements found changed so far (the path down to each change found); null until one is. */
    private ChangedElements changed;
    /** Scratch space of {@link #inSourceOrder} (which does not nest): the starts of the children seen. */
    private int[] starts = NO_STARTS;
    /** Scratch space of {@link #childrenAsRead}, used as a stack (each element's children above its parent's). */
    private int[] childStarts = new int[32];

    private int childTop;

    /** A child of an element in the order the normal form writes it, with the name it is written under. */
    record Child(Object value, String namespace, String local, ModelProperty property) {}

    /**
     * What the check reads of an element of one model class: its typed attributes in snapshot
     * order ({@link AttributeProperties}) and its typed child elements, as arrays. {@code under}
     * holds, per child element property, the visit of the class last met there (a child is almost
     * always of its property's declared class): a child's visit is found without a class lookup.
     * Filled as met; a slot read while another thread fills it is null or a complete visit (its
     * fields are final), and either is a right starting point.
     */
    private record Visit(Class<?> type, ModelProperty[] attributes, ModelProperty[] elements, Visit[] under) {
        Visit(Class<?> type, ModelProperty[] attributes, ModelProperty[] elements) {
            this(type, attributes, elements, new Visit[elements.length]);
        }

        /** The visit of a child of class {@code child} held by element property {@code slot}. */
        Visit under(int slot, Class<?> child) {
            Visit v = under[slot];
            if (v == null || v.type != child) {
                v = VISITS.get(child);
                under[slot] = v;
            }
            return v;
        }
    }

    private static final ClassValue<Visit> VISITS = new ClassValue<>() {
        @Override
        protected Visit computeValue(Class<?> type) {
            ModelClass binding = ModelClass.of(type.asSubclass(ModelElement.class));
            return new Visit(
                    type,
                    binding.attributeProperties().toArray(new ModelProperty[0]),
                    OutputOrder.elements(binding).toArray(new ModelProperty[0]));
        }
    };

    AsRead(SourceMap map) {
        this.map = map;
    }

    /**
     * Whether an element and everything under it are as read, in place. The writer of a changed
     * document asks about the root, then about the children of each element found changed: an
     * element found changed is remembered (with the path down to the change found first); one found
     * as read is not, and asking about it again walks it again (the writer asks at most twice).
     */
    boolean clean(ModelElement e) {
        if (!(map.node(e) instanceof ElementSource s) || (changed != null && changed.contains(s.start(), e))) {
            return false;
        }
        return clean(e, s, VISITS.get(e.getClass()));
    }

    private boolean clean(ModelElement e, SourceNode node, Visit visit) {
        if (!(node instanceof ElementSource s)) {
            return false;
        }
        if (ownStateAsRead(e, s, visit) && childrenAsRead(e, s, visit)) {
            return true;
        }
        if (changed == null) {
            changed = new ChangedElements();
        }
        changed.add(s.start(), e);
        return false;
    }

    private boolean ownStateAsRead(ModelElement e, ElementSource s, Visit visit) {
        ModelProperty[] attributes = visit.attributes;
        for (int i = 0; i < attributes.length; i++) {
            ModelProperty p = attributes[i];
            Object now = p.get(e);
            Object was = s.attributeValue(i);
            if (now != was && !sameText(p, now, was)) { // values are immutable: the same object is the same value
                return false;
            }
        }
        Map<QName, String> keptRead = s.keptAttributesRead();
        return (e.hasKeptAttributes() ? e.keptAttributes().equals(keptRead) : keptRead.isEmpty())
                && Objects.equals(e.getText(), s.textRead());
    }

    /** Whether two different values of an attribute write the same text. */
    private static boolean sameText(ModelProperty p, Object now, Object was) {
        return Objects.equals(now == null ? null : p.toText(now), was == null ? null : p.toText(was));
    }

    /**
     * Whether the children now are the children read, each as read, each once, in their source
     * order within each property (kept elements counting as one): walked in place, without
     * building the list {@link #children} gives.
     */
    private boolean childrenAsRead(ModelElement e, ElementSource s, Visit visit) {
        int base = childTop;
        try {
            List<Element> kept = e.keptElements();
            int last = -1;
            for (int i = 0; i < kept.size(); i++) {
                Element k = kept.get(i);
                if (!(map.node(k) instanceof KeptSource n) || n.parent() != s || n.start() < last) {
                    return false;
                }
                if (!k.isEqualNode(n.asRead())) {
                    return false;
                }
                last = push(n.start());
            }
            ModelProperty[] properties = visit.elements;
            for (int i = 0; i < properties.length; i++) {
                Object v = properties[i].get(e);
                if (v instanceof List<?> list) {
                    last = -1;
                    for (int j = 0; j < list.size(); j++) {
                        last = childAsRead(list.get(j), s, last, visit, i);
                        if (last < 0) {
                            return false;
                        }
                    }
                } else if (v != null && childAsRead(v, s, -1, visit, i) < 0) {
                    return false;
                }
            }
            return childTop - base == s.childCount() && distinct(base, childTop);
        } finally {
            childTop = base;
        }
    }

    /**
     * The start of a typed child that stands as read under {@code s} after {@code last}; -1 when it
     * does not. {@code slot} is the property of {@code parent} that holds it.
     */
    private int childAsRead(Object value, ElementSource s, int last, Visit parent, int slot) {
        SourceNode n = map.nodeUnder(value, s);
        if (n == null || parentOf(n) != s || n.start() < last) {
            return -1;
        }
        boolean same = value instanceof ModelElement m
                ? clean(m, n, parent.under(slot, m.getClass()))
                : n instanceof KeptSource k && ((Element) value).isEqualNode(k.asRead());
        return same ? push(n.start()) : -1;
    }

    private int push(int start) {
        if (childTop == childStarts.length) {
            childStarts = java.util.Arrays.copyOf(childStarts, childTop * 2);
        }
        childStarts[childTop++] = start;
        return start;
    }

    /** Whether the starts from {@code from} to {@code to} are all different (sorts them). */
    private boolean distinct(int from, int to) {
        if (to - from > 1) {
            java.util.Arrays.sort(childStarts, from, to);
            for (int i = from + 1; i < to; i++) {
                if (childStarts[i] == childStarts[i - 1]) {
                    return false;
                }
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
