package org.virtxml.io;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.virtxml.model.ModelClass;
import org.virtxml.model.ModelElement;
import org.virtxml.model.ModelProperty;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Writes the typed model as indented XML: typed attributes, then kept attributes; the element's
 * text and kept child elements, then its typed children in libvirt's order. Values are written
 * exactly as held; namespaces are declared where first needed, with libvirt's own prefixes.
 */
final class ModelWriter {
    private static final String INDENT = "  ";
    private final StringBuilder out;
    private Scope scope = new Scope(null);
    private int generated;
    /**
     * Inside mixed content (text beside child elements) nothing is indented: added white space
     * would become part of the text, and grow on every write.
     */
    private boolean inline;

    /** Prefix → namespace bindings in force, innermost first. */
    private static final class Scope {
        final Scope parent;
        final Map<String, String> declared = new HashMap<>(4);

        Scope(Scope parent) {
            this.parent = parent;
        }

        String uriOf(String prefix) {
            for (Scope s = this; s != null; s = s.parent) {
                String u = s.declared.get(prefix);
                if (u != null) {
                    return u;
                }
            }
            return prefix.isEmpty() ? "" : null;
        }

        String prefixFor(String uri) {
            for (Scope s = this; s != null; s = s.parent) {
                for (Map.Entry<String, String> e : s.declared.entrySet()) {
                    if (e.getValue().equals(uri) && !e.getKey().isEmpty() && uri.equals(uriOf(e.getKey()))) {
                        return e.getKey();
                    }
                }
            }
            return null;
        }
    }

    private final char quote;

    ModelWriter(StringBuilder out) {
        this(out, Map.of(), '"');
    }

    /**
     * A writer that continues a document: {@code inScope} are the prefix to namespace bindings
     * already declared around what it writes; attribute values go in {@code quote}.
     */
    ModelWriter(StringBuilder out, Map<String, String> inScope, char quote) {
        this(out, inScope, quote, Interstitials.NONE);
    }

    /**
     * The normal form's writer: children in libvirt's output order, attributes in the order they
     * were written, and the comments and processing instructions {@code interstitials} hold put back in place.
     */
    ModelWriter(StringBuilder out, Map<String, String> inScope, char quote, Interstitials interstitials) {
        this.out = out;
        this.quote = quote;
        this.interstitials = interstitials;
        this.scope.declared.putAll(inScope);
    }

    private final Interstitials interstitials;

    /** A kept (untyped) element, as the typed writer writes it inside its parent. */
    void keptElement(Element e, int depth) {
        dom(e, depth);
    }

    void element(ModelElement e, String namespace, String local, int depth) {
        indent(depth);
        scope = new Scope(scope);
        Map<String, String> keptDeclarations = interstitials.declarations(e);
        scope.declared.putAll(keptDeclarations);
        String name = elementName(namespace, local, null);
        out.append('<').append(name);
        StringBuilder declarations = new StringBuilder();
        flushDeclarations(declarations);
        out.append(declarations);
        ModelClass binding = ModelClass.of(e.getClass());
        boolean normalForm = interstitials != Interstitials.NONE;
        List<ModelProperty> attributes = binding.attributeProperties();
        List<ModelProperty> elements = normalForm ? OutputOrder.elements(binding) : binding.elementProperties();
        if (!normalForm) {
            for (ModelProperty p : attributes) {
                Object v = p.get(e);
                if (v != null) {
                    attribute(p.namespace(), "", p.xmlName(), p.toText(v));
                }
            }
            if (e.hasKeptAttributes()) {
                for (Map.Entry<QName, String> a : e.keptAttributes().entrySet()) {
                    QName q = a.getKey();
                    attribute(q.getNamespaceURI(), q.getPrefix(), q.getLocalPart(), a.getValue());
                }
            }
        } else {
            attributesAsWritten(e, attributes);
            for (Map.Entry<String, String> d : keptDeclarations.entrySet()) {
                // where the source declared them: after the attributes, as libvirt writes its namespaces
                String raw = d.getValue().replace(String.valueOf(quote), quote == '\'' ? "&apos;" : "&quot;");
                out.append(" xmlns:")
                        .append(d.getKey())
                        .append('=')
                        .append(quote)
                        .append(raw)
                        .append(quote);
            }
        }
        String text = e.getText();
        List<Element> kept = e.keptElements();
        // the first typed child present: those before it are absent, and are not looked at again
        int first = 0;
        while (first < elements.size() && !present(elements.get(first).get(e))) {
            first++;
        }
        boolean children = !kept.isEmpty() || first < elements.size();
        List<String> endNotes = interstitials.atEnd(e);
        if (!children && (text == null || text.isEmpty()) && endNotes.isEmpty()) {
            if (normalForm && !inline && OutputOrder.endTagWhenEmpty(e.getClass())) {
                out.append(">\n");
                indent(depth);
                out.append("</").append(name).append('>');
            } else {
                out.append("/>");
            }
        } else {
            out.append('>');
            boolean outer = inline;
            if (text != null && !text.isBlank() && children) {
                inline = true;
            }
            if (text != null && !(children && text.isBlank())) {
                text(text);
            }
            if (!children) {
                endNotes.forEach(out::append);
            }
            if (children) {
                for (Element k : kept) {
                    notes(interstitials.before(k), depth + 1);
                    lineBreak();
                    dom(k, depth + 1);
                }
                if (OutputOrder.asRead(e.getClass())) {
                    for (OutputOrder.Child c : OutputOrder.children(e, elements.subList(first, elements.size()))) {
                        notes(interstitials.before(c.value()), depth + 1);
                        lineBreak();
                        element(
                                c.value(),
                                c.property().namespace(),
                                c.property().xmlName(),
                                depth + 1);
                    }
                } else {
                    for (int i = first; i < elements.size(); i++) {
                        ModelProperty p = elements.get(i);
                        Object v = p.get(e);
                        if (v instanceof List<?> list) {
                            for (Object item : list) {
                                notes(interstitials.before(item), depth + 1);
                                lineBreak();
                                element((ModelElement) item, p.namespace(), p.xmlName(), depth + 1);
                            }
                        } else if (v != null) {
                            notes(interstitials.before(v), depth + 1);
                            lineBreak();
                            element((ModelElement) v, p.namespace(), p.xmlName(), depth + 1);
                        }
                    }
                }
                notes(endNotes, depth + 1);
                lineBreak();
                indent(depth);
            }
            inline = outer;
            out.append("</").append(name).append('>');
        }
        scope = scope.parent;
    }

    private void lineBreak() {
        if (!inline) {
            out.append('\n');
        }
    }

    /** One attribute to write, with its place among the attributes as written (-1: set in code, goes last). */
    private record PendingAttribute(String namespace, String prefix, String local, String value, int index) {}

    /** The attributes in the order they were written in the source; those set in code after them, in grammar order. */
    private void attributesAsWritten(ModelElement e, List<ModelProperty> attributes) {
        List<PendingAttribute> all = new java.util.ArrayList<>();
        for (ModelProperty p : attributes) {
            Object v = p.get(e);
            if (v != null) {
                all.add(new PendingAttribute(
                        p.namespace(),
                        "",
                        p.xmlName(),
                        p.toText(v),
                        interstitials.attributeIndex(e, p.namespace(), p.xmlName())));
            }
        }
        for (Map.Entry<QName, String> a : e.hasKeptAttributes()
                ? e.keptAttributes().entrySet()
                : Map.<QName, String>of().entrySet()) {
            QName q = a.getKey();
            all.add(new PendingAttribute(
                    q.getNamespaceURI(),
                    q.getPrefix(),
                    q.getLocalPart(),
                    a.getValue(),
                    interstitials.attributeIndex(e, q.getNamespaceURI(), q.getLocalPart())));
        }
        all.sort(java.util.Comparator.comparingInt(a -> a.index() < 0 ? Integer.MAX_VALUE : a.index()));
        for (PendingAttribute a : all) {
            attribute(a.namespace(), a.prefix(), a.local(), a.value());
        }
    }

    /** Comments and processing instructions, each on its own line. */
    private void notes(List<String> notes, int depth) {
        for (String n : notes) {
            out.append('\n');
            indent(depth);
            out.append(n);
        }
    }

    /** Whether a property's value holds anything to write (a list counts when not empty). */
    private static boolean present(Object value) {
        return value instanceof List<?> list ? !list.isEmpty() : value != null;
    }

    private void dom(Element e, int depth) {
        indent(depth);
        scope = new Scope(scope);
        String ns = e.getNamespaceURI() == null ? "" : e.getNamespaceURI();
        String name = elementName(
                ns,
                e.getLocalName() != null ? e.getLocalName() : e.getTagName(),
                e.getPrefix() == null ? "" : e.getPrefix());
        out.append('<').append(name);
        StringBuilder declarations = new StringBuilder();
        flushDeclarations(declarations);
        out.append(declarations);
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            if ("http://www.w3.org/2000/xmlns/".equals(a.getNamespaceURI())
                    || a.getName().startsWith("xmlns")) {
                continue;
            }
            attribute(
                    a.getNamespaceURI() == null ? "" : a.getNamespaceURI(),
                    a.getPrefix() == null ? "" : a.getPrefix(),
                    a.getLocalName() != null ? a.getLocalName() : a.getName(),
                    a.getValue());
        }
        boolean hasElements = false;
        boolean hasContent = false;
        boolean hasText = false;
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            boolean text = n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE;
            hasElements |= n instanceof Element;
            hasContent |= n instanceof Element || text;
            hasText |= text && !n.getNodeValue().isBlank();
        }
        if (!hasContent) {
            out.append("/>");
        } else {
            out.append('>');
            boolean outer = inline;
            inline |= hasText && hasElements;
            for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element c) {
                    lineBreak();
                    dom(c, depth + 1);
                } else if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                    text(n.getNodeValue());
                }
            }
            if (hasElements) {
                lineBreak();
                indent(depth);
            }
            inline = outer;
            out.append("</").append(name).append('>');
        }
        scope = scope.parent;
    }

    private final StringBuilder pending = new StringBuilder();

    /** The qualified name for an element, declaring its namespace in the current scope when needed. */
    private String elementName(String namespace, String local, String preferredPrefix) {
        if (namespace.isEmpty()) {
            if (!scope.uriOf("").isEmpty()) {
                declare("", "");
            }
            return local;
        }
        if (preferredPrefix != null && preferredPrefix.isEmpty()) {
            if (!namespace.equals(scope.uriOf(""))) {
                declare("", namespace);
            }
            return local;
        }
        String prefix = prefixFor(namespace, preferredPrefix);
        return prefix + ":" + local;
    }

    private void attribute(String namespace, String preferredPrefix, String local, String value) {
        String name = namespace.isEmpty() ? local : prefixFor(namespace, preferredPrefix) + ":" + local;
        if (pending.length() > 0) {
            out.append(pending);
            pending.setLength(0);
        }
        out.append(' ').append(name).append('=').append(quote);
        escapeAttribute(value);
        out.append(quote);
    }

    private String prefixFor(String namespace, String preferredPrefix) {
        String existing = scope.prefixFor(namespace);
        if (existing != null) {
            return existing;
        }
        String prefix = preferredPrefix != null && !preferredPrefix.isEmpty()
                ? preferredPrefix
                : LibvirtPrefixes.PREFIXES.getOrDefault(namespace, "ns" + (++generated));
        while (scope.declared.containsKey(prefix) && !namespace.equals(scope.declared.get(prefix))) {
            prefix = "ns" + (++generated);
        }
        declare(prefix, namespace);
        return prefix;
    }

    private void declare(String prefix, String namespace) {
        scope.declared.put(prefix, namespace);
        pending.append(prefix.isEmpty() ? " xmlns=" : " xmlns:" + prefix + "=").append(quote);
        escapeAttribute(namespace, quote, pending);
        pending.append(quote);
    }

    private void flushDeclarations(StringBuilder into) {
        into.append(pending);
        pending.setLength(0);
    }

    /**
     * XML 1.0 cannot carry every character: control characters other than tab, line feed and
     * carriage return, U+FFFE, U+FFFF and unpaired surrogates have no spelling, not even as a
     * character reference. A value holding one is refused rather than written unreadable.
     */
    private static void requireXmlChar(String s, int i) {
        char c = s.charAt(i);
        boolean ok;
        if (Character.isHighSurrogate(c)) {
            ok = i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        } else if (Character.isLowSurrogate(c)) {
            ok = i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
        } else {
            ok = c >= 0x20 ? c != 0xFFFE && c != 0xFFFF : c == '\t' || c == '\n' || c == '\r';
        }
        if (!ok) {
            throw new IllegalArgumentException(String.format(
                    "character U+%04X cannot be written in XML (in the value '%s')",
                    (int) c, s.length() > 40 ? s.substring(0, 40) + "..." : s.replaceAll("\\p{Cntrl}", "?")));
        }
    }

    private void indent(int depth) {
        for (int i = 0; !inline && i < depth; i++) {
            out.append(INDENT);
        }
    }

    private void text(String s) {
        escapeText(s, out);
    }

    private void escapeAttribute(String s) {
        escapeAttribute(s, quote, out);
    }

    /** Element text escaped as this writer writes it; a character XML cannot spell is refused. */
    static void escapeText(String s, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            requireXmlChar(s, i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\r' -> out.append("&#13;");
                default -> out.append(c);
            }
        }
    }

    /** An attribute value escaped for the given quote character. */
    static void escapeAttribute(String s, char quote, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            requireXmlChar(s, i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\t' -> out.append("&#9;");
                case '\n' -> out.append("&#10;");
                case '\r' -> out.append("&#13;");
                case '"' -> out.append(quote == '"' ? "&quot;" : "\"");
                case '\'' -> out.append(quote == '\'' ? "&apos;" : "'");
                default -> out.append(c);
            }
        }
    }
}
