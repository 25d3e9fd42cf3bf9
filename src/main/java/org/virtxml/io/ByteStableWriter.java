package org.virtxml.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import org.virtxml.model.ModelClass;
import org.virtxml.model.ModelElement;
import org.virtxml.model.ModelProperty;
import org.w3c.dom.Element;

/**
 * Writes a model read from a document back into that document's text, changing only what the
 * model changed. An element whose attributes, text and children are as read is copied from the
 * source; a changed attribute value is rewritten in its own quotes; a new attribute goes after the
 * existing ones; a new child goes at libvirt's place among its siblings with their indentation; a
 * removed child takes its line with it. Everything between elements (white space, comments,
 * processing instructions) is copied.
 */
final class ByteStableWriter {
    private final SourceMap map;
    private final String text;
    private final char quote;
    private final String newline;
    private final String unit;
    private final AsRead asRead;
    private final StringBuilder out;

    private ByteStableWriter(SourceMap map, AsRead asRead) {
        this.map = map;
        this.asRead = asRead;
        this.text = map.text();
        this.out = new StringBuilder(text.length() + 256);
        this.quote = documentQuote(text, map.root().start());
        this.newline = text.contains("\r\n") ? "\r\n" : "\n";
        this.unit = indentUnit();
    }

    /** The document's text (without its byte order mark) with the model's changes; the source text itself when nothing changed. */
    static String write(ModelElement root, SourceMap map) {
        AsRead asRead = new AsRead(map);
        if (asRead.clean(root)) {
            return map.text(); // nothing changed: no writer, no output buffer, no table of answers
        }
        ByteStableWriter w = new ByteStableWriter(map, asRead);
        ElementSource s = map.root();
        w.out.append(w.text, 0, s.start());
        w.element(root, s, Map.of());
        w.out.append(w.text, s.end(), w.text.length());
        return w.out.toString();
    }

    // ---- writing ----

    private void element(ModelElement e, ElementSource s, Map<String, String> outerScope) {
        if (asRead.clean(e)) {
            out.append(text, s.start(), s.end());
            return;
        }
        StartTag tag = s.tag(); // scanned once here: the record does not hold it
        Map<String, String> scope = scopeOf(tag, outerScope);
        List<AsRead.Child> children = AsRead.children(e);
        String now = e.getText();
        boolean textChanged = !Objects.equals(now, s.textRead());
        if ((textChanged && (!children.isEmpty() || !s.children().isEmpty())) || !asRead.inSourceOrder(children, s)) {
            String q = tag.qualifiedName();
            int colon = q.indexOf(':');
            String ns = Objects.toString(scope.get(colon > 0 ? q.substring(0, colon) : ""), "");
            out.append(
                    rendered(new AsRead.Child(e, ns, q.substring(colon + 1), null), outerScope, indentOf(s.start())));
            return;
        }
        startTag(e, s, tag, scope);
        boolean hasText = now != null && !now.isEmpty();
        if (s.selfClosing()) {
            if (children.isEmpty() && !hasText) {
                out.append(text, tag.tailStart(), s.end());
                return;
            }
            out.append(text.substring(tag.tailStart(), s.startTagEnd() - 2).stripTrailing())
                    .append('>');
            if (hasText) {
                ModelWriter.escapeText(now, out);
            } else {
                String inner = indentOf(s.start()) + unit;
                for (AsRead.Child c : children) {
                    out.append(newline).append(inner).append(rendered(c, scope, inner));
                }
                out.append(newline).append(indentOf(s.start()));
            }
            out.append("</").append(tag.qualifiedName()).append('>');
            return;
        }
        out.append(text, tag.tailStart(), s.startTagEnd());
        if (textChanged) {
            if (now != null) {
                ModelWriter.escapeText(now, out);
            }
        } else {
            content(e, s, children, scope);
        }
        out.append(text, s.endTagStart(), s.end());
    }

    private void content(ModelElement e, ElementSource s, List<AsRead.Child> children, Map<String, String> scope) {
        Map<SourceNode, AsRead.Child> present = new IdentityHashMap<>();
        Map<SourceNode, List<AsRead.Child>> after = new IdentityHashMap<>();
        Map<SourceNode, List<AsRead.Child>> before = new IdentityHashMap<>();
        List<AsRead.Child> atEnd = new ArrayList<>();
        for (AsRead.Child c : children) {
            SourceNode n = map.node(c.value());
            if (n != null && AsRead.parentOf(n) == s && sameKind(c, n) && !present.containsKey(n)) {
                present.put(n, c);
            }
        }
        for (int i = 0; i < children.size(); i++) {
            AsRead.Child c = children.get(i);
            SourceNode n = map.node(c.value());
            if (n != null && present.get(n) == c) {
                continue;
            }
            SourceNode anchor = null;
            for (int j = i - 1; j >= 0 && anchor == null; j--) {
                anchor = placed(children.get(j), present);
            }
            if (anchor != null) {
                after.computeIfAbsent(anchor, k -> new ArrayList<>()).add(c);
                continue;
            }
            for (int j = i + 1; j < children.size() && anchor == null; j++) {
                anchor = placed(children.get(j), present);
            }
            if (anchor != null) {
                before.computeIfAbsent(anchor, k -> new ArrayList<>()).add(c);
            } else {
                atEnd.add(c);
            }
        }
        int pos = s.startTagEnd();
        for (SourceNode n : s.children()) {
            out.append(text, pos, n.start());
            AsRead.Child c = present.get(n);
            String indent = startsLine(n.start()) ? indentOf(n.start()) : indentOf(s.start()) + unit;
            if (c == null) {
                removeOpenLine();
            } else {
                for (AsRead.Child b : before.getOrDefault(n, List.of())) {
                    out.append(rendered(b, scope, indent)).append(newline).append(indent);
                }
                child(c, n, scope);
            }
            for (AsRead.Child a : after.getOrDefault(n, List.of())) {
                out.append(newline).append(indent).append(rendered(a, scope, indent));
            }
            pos = n.end();
        }
        if (!atEnd.isEmpty()) {
            String inner =
                    s.children().isEmpty() || !startsLine(s.children().get(0).start())
                            ? indentOf(s.start()) + unit
                            : indentOf(s.children().get(0).start());
            for (AsRead.Child c : atEnd) {
                out.append(newline).append(inner).append(rendered(c, scope, inner));
            }
            String rest = text.substring(pos, s.endTagStart());
            out.append(rest.contains("\n") ? rest : newline + indentOf(s.start()));
        } else {
            out.append(text, pos, s.endTagStart());
        }
    }

    private static boolean sameKind(AsRead.Child c, SourceNode n) {
        return c.value() instanceof ModelElement ? n instanceof ElementSource : n instanceof KeptSource;
    }

    private SourceNode placed(AsRead.Child c, Map<SourceNode, AsRead.Child> present) {
        SourceNode n = map.node(c.value());
        return n != null && present.get(n) == c ? n : null;
    }

    private void child(AsRead.Child c, SourceNode n, Map<String, String> scope) {
        if (c.value() instanceof ModelElement m) {
            element(m, (ElementSource) n, scope);
        } else if (((Element) c.value()).isEqualNode(((KeptSource) n).asRead())) {
            out.append(text, n.start(), n.end());
        } else {
            out.append(rendered(c, scope, indentOf(n.start())));
        }
    }

    /** Drops the line a removed element stood on: the white space before it back to the line break. */
    private void removeOpenLine() {
        int nl = out.lastIndexOf("\n");
        for (int i = nl + 1; i < out.length(); i++) {
            if (!Character.isWhitespace(out.charAt(i))) {
                return;
            }
        }
        if (nl >= 0) {
            out.setLength(nl > 0 && out.charAt(nl - 1) == '\r' ? nl - 1 : nl);
        }
    }

    private void startTag(ModelElement e, ElementSource s, StartTag tag, Map<String, String> scope) {
        out.append(text, s.start(), tag.nameEnd());
        ModelClass binding = ModelClass.of(e.getClass());
        Set<String> written = new HashSet<>();
        for (RawAttribute a : tag.attributes()) {
            if (a.isNamespaceDeclaration()) {
                out.append(text, a.leadStart(), a.end());
                continue;
            }
            String ns = a.prefix().isEmpty()
                    ? ""
                    : "xml".equals(a.prefix()) ? XMLConstants.XML_NS_URI : Objects.toString(scope.get(a.prefix()), "");
            written.add(ElementSource.key(ns, a.localName()));
            int index = binding.attributeIndex(ns, a.localName());
            ModelProperty p = index < 0 ? null : binding.attributeProperties().get(index);
            String now =
                    p != null ? AsRead.attributeText(e, p) : e.keptAttributes().get(new QName(ns, a.localName()));
            if (now == null) {
                continue;
            }
            if (now.equals(readText(s, p, index, ns, a.localName()))) {
                out.append(text, a.leadStart(), a.end());
            } else {
                out.append(text, a.leadStart(), a.valueStart());
                ModelWriter.escapeAttribute(now, a.quote(), out);
                out.append(a.quote());
            }
        }
        char q = tag.attributes().isEmpty() ? quote : tag.attributes().get(0).quote();
        for (ModelProperty p : binding.properties()) {
            String now = p.isAttribute() ? AsRead.attributeText(e, p) : null;
            if (now != null && written.add(ElementSource.key(p.namespace(), p.xmlName()))) {
                newAttribute(p.namespace(), "", p.xmlName(), now, q, scope);
            }
        }
        for (Map.Entry<QName, String> k : e.keptAttributes().entrySet()) {
            QName name = k.getKey();
            if (written.add(ElementSource.key(name.getNamespaceURI(), name.getLocalPart()))) {
                newAttribute(name.getNamespaceURI(), name.getPrefix(), name.getLocalPart(), k.getValue(), q, scope);
            }
        }
    }

    /**
     * An attribute's text as read: a typed one ({@code p}, at {@code index} of the class's attribute
     * properties) from the snapshot of its value, a kept one from the kept attributes read.
     */
    private static String readText(ElementSource s, ModelProperty p, int index, String ns, String local) {
        if (p == null) {
            return s.keptAttributesRead().get(new QName(ns, local));
        }
        Object was = s.attributeValue(index);
        return was == null ? null : p.toText(was);
    }

    private void newAttribute(String ns, String prefix, String local, String value, char q, Map<String, String> scope) {
        out.append(' ');
        if (ns != null && !ns.isEmpty()) {
            String bound = null;
            for (Map.Entry<String, String> d : scope.entrySet()) {
                if (d.getValue().equals(ns) && !d.getKey().isEmpty()) {
                    bound = d.getKey();
                }
            }
            if (XMLConstants.XML_NS_URI.equals(ns)) {
                bound = "xml";
            }
            if (bound == null) {
                bound = prefix != null && !prefix.isEmpty() ? prefix : LibvirtPrefixes.PREFIXES.getOrDefault(ns, "ns1");
                out.append("xmlns:").append(bound).append('=').append(q);
                ModelWriter.escapeAttribute(ns, q, out);
                out.append(q).append(' ');
            }
            out.append(bound).append(':');
        }
        out.append(local).append('=').append(q);
        ModelWriter.escapeAttribute(value, q, out);
        out.append(q);
    }

    /** A new or rewritten element, as the typed writer writes it, indented to stand at {@code indent}. */
    private String rendered(AsRead.Child c, Map<String, String> scope, String indent) {
        StringBuilder sb = new StringBuilder(256);
        ModelWriter w = new ModelWriter(sb, scope, quote, new Interstitials(null, false));
        if (c.value() instanceof ModelElement m) {
            w.element(m, c.namespace(), c.local(), 0);
        } else {
            w.keptElement((Element) c.value(), 0);
        }
        String[] lines = sb.toString().split("\n", -1);
        StringBuilder r = new StringBuilder(sb.length() + lines.length * indent.length());
        r.append(lines[0]);
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            int n = 0;
            while (n < line.length() && line.charAt(n) == ' ') {
                n++;
            }
            r.append(newline).append(indent).append(unit.repeat(n / 2)).append(line, n - n % 2, line.length());
        }
        return r.toString();
    }

    private Map<String, String> scopeOf(StartTag tag, Map<String, String> outer) {
        Map<String, String> scope = null;
        for (RawAttribute a : tag.attributes()) {
            if (a.isNamespaceDeclaration()) {
                if (scope == null) {
                    scope = new HashMap<>(outer);
                }
                scope.put(a.declaredPrefix(), text.substring(a.valueStart(), a.valueEnd()));
            }
        }
        return scope == null ? outer : scope;
    }

    /** Where the spaces and tabs just before an offset begin. */
    private int blankBefore(int offset) {
        int i = offset;
        while (i > 0 && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t')) {
            i--;
        }
        return i;
    }

    /** Whether only white space stands before an offset on its line. */
    private boolean startsLine(int offset) {
        int i = blankBefore(offset);
        return i == 0 || text.charAt(i - 1) == '\n' || text.charAt(i - 1) == '\r';
    }

    /** The white space before an offset on its line, when only white space stands there. */
    private String indentOf(int offset) {
        return startsLine(offset) ? text.substring(blankBefore(offset), offset) : "";
    }

    /** The indentation step of the document: its first child's indentation beyond its root's, two spaces by default. */
    private String indentUnit() {
        ElementSource root = map.root();
        if (!root.children().isEmpty()) {
            String rootIndent = indentOf(root.start());
            String child = indentOf(root.children().get(0).start());
            if (child.length() > rootIndent.length() && child.startsWith(rootIndent)) {
                return child.substring(rootIndent.length());
            }
        }
        return "  ";
    }

    private static char documentQuote(String text, int from) {
        for (int i = text.indexOf('=', from); i >= 0 && i + 1 < text.length(); i = text.indexOf('=', i + 1)) {
            char c = text.charAt(i + 1);
            if (c == '\'' || c == '"') {
                return c;
            }
        }
        return '\'';
    }
}
