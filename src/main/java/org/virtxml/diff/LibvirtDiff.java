package org.virtxml.diff;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.xml.namespace.QName;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.virtxml.dom.DomEquivalence;
import org.virtxml.io.LibvirtDocument;
import org.virtxml.model.DataSize;
import org.virtxml.model.DocumentKind;
import org.virtxml.model.IntegerElement;
import org.virtxml.model.IntegerLeaf;
import org.virtxml.model.Leaf;
import org.virtxml.model.ModelElement;
import org.virtxml.model.ModelProperty;
import org.virtxml.model.SizedElement;
import org.virtxml.model.Unit;
import org.virtxml.model.UuidLeaf;
import org.w3c.dom.Element;

/**
 * Semantic differences between two libvirt documents: two documents are equal when libvirt would
 * read them the same. Sizes compare by bytes with the element's default unit ({@code 1 GiB} =
 * {@code 1048576 KiB}), integers by value ({@code 0x05} = {@code 5}, also in the attributes of
 * device addresses), UUIDs and MACs by value whatever their spelling or case, attributes whatever
 * their order, and siblings of different names whatever their order; siblings of the same name
 * compare in order (libvirt gives their order meaning: disks, boot entries, NICs). Content the
 * model does not type (unknown elements and attributes, foreign metadata) compares as XML: names
 * by namespace, attributes by value, trimmed text.
 *
 * <p>The walk is generic over the typed model ({@link ModelProperty}); it is symmetric: the
 * differences of (b, a) are those of (a, b) with the sides swapped.
 */
public final class LibvirtDiff {
    private final List<Difference> out = new ArrayList<>();

    private LibvirtDiff() {}

    /** The differences between two documents; empty when libvirt reads them the same. */
    public static List<Difference> between(LibvirtDocument<?> a, LibvirtDocument<?> b) {
        return between(a.root(), b.root());
    }

    /** The differences between two roots (or any two elements of the same class). */
    public static List<Difference> between(ModelElement a, ModelElement b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        String rootName = DocumentKind.forRootClass(a.getClass())
                .map(DocumentKind::rootElement)
                .orElse(a.getClass().getSimpleName());
        LibvirtDiff diff = new LibvirtDiff();
        if (a.getClass() != b.getClass()) {
            diff.out.add(new Difference(
                    "/",
                    startTag(rootName, a),
                    startTag(
                            DocumentKind.forRootClass(b.getClass())
                                    .map(DocumentKind::rootElement)
                                    .orElse(b.getClass().getSimpleName()),
                            b)));
        } else {
            diff.element(a, b, "/" + rootName);
        }
        return List.copyOf(diff.out);
    }

    private void element(ModelElement a, ModelElement b, String path) {
        text(a, b, path);
        for (ModelProperty p : ModelProperty.of(a.getClass())) {
            if (p.isAttribute()) {
                if (a instanceof SizedElement
                        && p.xmlName().equals("unit")
                        && DefaultUnits.of((SizedElement) a).isPresent()) {
                    continue;
                }
                Object va = first(p.values(a));
                Object vb = first(p.values(b));
                if (!Values.same(va, vb, a.getClass(), p.xmlName())) {
                    out.add(new Difference(path + "/@" + p.xmlName(), Values.show(va), Values.show(vb)));
                }
                continue;
            }
            List<Object> la = p.values(a);
            List<Object> lb = p.values(b);
            int n = Math.max(la.size(), lb.size());
            for (int i = 0; i < n; i++) {
                String childPath = path + "/" + p.xmlName() + (p.isList() ? "[" + (i + 1) + "]" : "");
                Object ca = i < la.size() ? la.get(i) : null;
                Object cb = i < lb.size() ? lb.get(i) : null;
                if (ca instanceof ModelElement ea && cb instanceof ModelElement eb) {
                    element(ea, eb, childPath);
                } else if (ca == null || cb == null) {
                    out.add(new Difference(childPath, show(p.xmlName(), ca), show(p.xmlName(), cb)));
                } else if (!Objects.equals(ca, cb)) {
                    out.add(new Difference(childPath, String.valueOf(ca), String.valueOf(cb)));
                }
            }
        }
        keptAttributes(a, b, path);
        keptElements(a, b, path);
    }

    private void text(ModelElement a, ModelElement b, String path) {
        String ta = a.getText();
        String tb = b.getText();
        if (ta == null && tb == null) {
            return;
        }
        if (a instanceof SizedElement sa) {
            Optional<Unit> unit = DefaultUnits.of(sa);
            if (unit.isPresent()) {
                DataSize da = sa.size();
                DataSize db = ((SizedElement) b).size();
                if (da == null || db == null || !da.sameValueAs(db, unit.get())) {
                    out.add(new Difference(path, sizeShown(sa), sizeShown((SizedElement) b)));
                }
                return;
            }
        }
        boolean same;
        if (!(a instanceof Leaf) && !(a instanceof IntegerElement)) {
            same = (ta == null ? "" : ta.trim()).equals(tb == null ? "" : tb.trim());
        } else if (ta == null || tb == null) {
            same = false;
        } else if (a instanceof IntegerElement ia) {
            same = ia.value().sameValueAs(((IntegerElement) b).value());
        } else if (a instanceof IntegerLeaf ia) {
            same = ia.value().sameValueAs(((IntegerLeaf) b).value());
        } else if (a instanceof UuidLeaf ua) {
            same = ua.uuid().sameValueAs(((UuidLeaf) b).uuid());
        } else {
            same = ta.equals(tb);
        }
        if (!same) {
            out.add(new Difference(path, ta, tb));
        }
    }

    private void keptAttributes(ModelElement a, ModelElement b, String path) {
        Map<QName, String> ka = a.keptAttributes();
        Map<QName, String> kb = b.keptAttributes();
        // sorted, so that diff(b, a) lists the same differences in the same order as diff(a, b)
        Set<QName> names = new java.util.TreeSet<>(java.util.Comparator.comparing(QName::toString));
        names.addAll(ka.keySet());
        names.addAll(kb.keySet());
        for (QName q : names) {
            String va = ka.get(q);
            String vb = kb.get(q);
            if (!Objects.equals(va, vb)) {
                out.add(new Difference(path + "/@" + display(q.getNamespaceURI(), q.getLocalPart()), va, vb));
            }
        }
    }

    private void keptElements(ModelElement a, ModelElement b, String path) {
        Map<String, List<Element>> ga = group(a.keptElements());
        Map<String, List<Element>> gb = group(b.keptElements());
        Set<String> names = new java.util.TreeSet<>(ga.keySet()); // sorted: the same order both ways
        names.addAll(gb.keySet());
        for (String name : names) {
            List<Element> la = ga.getOrDefault(name, List.of());
            List<Element> lb = gb.getOrDefault(name, List.of());
            for (int i = 0; i < Math.max(la.size(), lb.size()); i++) {
                Element ea = i < la.size() ? la.get(i) : null;
                Element eb = i < lb.size() ? lb.get(i) : null;
                if (ea == null || eb == null || !DomEquivalence.equivalent(ea, eb)) {
                    out.add(new Difference(path + "/" + name + "[" + (i + 1) + "]", xml(ea), xml(eb)));
                }
            }
        }
    }

    private static Map<String, List<Element>> group(List<Element> elements) {
        Map<String, List<Element>> out = new LinkedHashMap<>();
        for (Element e : elements) {
            String local = e.getLocalName() == null ? e.getTagName() : e.getLocalName();
            out.computeIfAbsent(display(e.getNamespaceURI(), local), k -> new ArrayList<>())
                    .add(e);
        }
        return out;
    }

    private static String display(String ns, String local) {
        return ns == null || ns.isEmpty() ? local : "{" + ns + "}" + local;
    }

    private static Object first(List<Object> values) {
        return values.isEmpty() ? null : values.get(0);
    }

    private static String sizeShown(SizedElement e) {
        DataSize s = e.size();
        if (s == null) {
            return null;
        }
        return s.number() + s.unit().map(u -> " " + u).orElse("");
    }

    private static String show(String name, Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof ModelElement e ? startTag(name, e) : String.valueOf(value);
    }

    /** An element shown as its start tag with its typed attributes, and its text when it is a leaf. */
    static String startTag(String name, ModelElement e) {
        StringBuilder sb = new StringBuilder("<").append(name);
        for (ModelProperty p : ModelProperty.of(e.getClass())) {
            if (p.isAttribute()) {
                for (Object v : p.values(e)) {
                    sb.append(' ')
                            .append(p.xmlName())
                            .append("='")
                            .append(Values.show(v))
                            .append('\'');
                }
            }
        }
        String text = e.getText();
        boolean hasChildren = ModelProperty.of(e.getClass()).stream()
                        .anyMatch(p -> !p.isAttribute() && !p.values(e).isEmpty())
                || !e.keptElements().isEmpty();
        if (text != null && !text.isBlank()) {
            sb.append('>').append(text.trim()).append("</").append(name).append('>');
        } else if (hasChildren) {
            sb.append(">…");
        } else {
            sb.append("/>");
        }
        return sb.toString();
    }

    private static String xml(Element e) {
        if (e == null) {
            return null;
        }
        try {
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter w = new StringWriter();
            t.transform(new DOMSource(e), new StreamResult(w));
            return w.toString().replaceAll(">\\s+<", "><").trim();
        } catch (TransformerException ex) {
            return "<" + e.getTagName() + ">";
        }
    }
}
