package org.virtxml.io;

import jakarta.xml.bind.Unmarshaller;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.virtxml.model.ModelElement;
import org.w3c.dom.Element;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.ext.LexicalHandler;

/**
 * Sits between the parser and JAXB for one read: it gives every model element its position,
 * enforces the nesting limit, counts comments and processing instructions, and keeps a second
 * occurrence of an element the model holds once (JAXB would let the last one replace the first):
 * the earlier ones are kept as-is, so nothing read is lost.
 */
final class ElementTracker extends Unmarshaller.Listener implements ContentHandler, LexicalHandler {
    private final ContentHandler delegate;
    private final SourceText source;
    private final int maxDepth;
    private final BiFunction<ModelElement, String, Element> toDom;
    private Locator locator;
    private int depth;
    private int line = 1;
    private int column = 1;
    /** Element ordinals in document order: the open ones, each element's parent, line and column. */
    private final java.util.ArrayDeque<Integer> open = new java.util.ArrayDeque<>();
    private int ordinal = -1;
    private int[] parentOf = new int[256];
    private int[] lineOf = new int[256];
    private int[] columnOf = new int[256];
    private final Map<Object, Integer> ordinals = new IdentityHashMap<>();
    private final Map<Integer, List<Integer>> childOrdinals = new java.util.HashMap<>();
    private final Set<Integer> boundOrdinals = new HashSet<>();
    private String localName;
    private int comments;
    private int processingInstructions;
    private final Map<Object, List<Created>> children = new IdentityHashMap<>();

    private record Created(ModelElement element, String name) {}

    ElementTracker(ContentHandler delegate, SourceText source, int maxDepth,
            BiFunction<ModelElement, String, Element> toDom) {
        this.delegate = delegate;
        this.source = source;
        this.maxDepth = maxDepth;
        this.toDom = toDom;
    }

    int comments() {
        return comments;
    }

    int processingInstructions() {
        return processingInstructions;
    }

    // ---- JAXB listener ----

    @Override
    public void beforeUnmarshal(Object target, Object parent) {
        if (target instanceof ModelElement m) {
            m.attachPosition(new ElementPosition(source, line, column));
            ordinals.put(m, ordinal);
            boundOrdinals.add(ordinal);
            if (parent != null) {
                children.computeIfAbsent(parent, k -> new ArrayList<>()).add(new Created(m, localName));
            }
        }
    }

    @Override
    public void afterUnmarshal(Object target, Object parent) {
        if (target instanceof ModelElement m) {
            m.dropIgnorableWhitespace();
            List<Element> keptElements = m.keptElements();
            for (Element kept : keptElements) {
                FormattingWhitespace.strip(kept);
            }
            if (!keptElements.isEmpty()) {
                locateKept(m, keptElements);
            }
            List<Created> kids = children.remove(m);
            if (kids != null && kids.size() > 1 && hasRepeatedName(kids)) {
                keepReplaced(m, kids);
            }
        }
    }

    /** Kept elements are the children of m that no model object was made for, in document order. */
    private void locateKept(ModelElement m, List<Element> keptElements) {
        Integer own = ordinals.get(m);
        List<Integer> kids = own == null ? List.of() : childOrdinals.getOrDefault(own, List.of());
        int k = 0;
        for (int child : kids) {
            if (boundOrdinals.contains(child)) {
                continue;
            }
            if (k >= keptElements.size()) {
                break;
            }
            keptElements.get(k++).setUserData(KeptLocations.KEY,
                    new ElementPosition(source, lineOf[child], columnOf[child]), null);
        }
    }

    private static boolean hasRepeatedName(List<Created> kids) {
        Set<String> seen = new HashSet<>();
        for (Created c : kids) {
            if (!seen.add(c.name())) {
                return true;
            }
        }
        return false;
    }

    /** Children that were read but that no property of the parent holds any more are kept as-is. */
    private void keepReplaced(ModelElement parent, List<Created> kids) {
        Set<Object> held = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Class<?> c = parent.getClass(); c != null && c != ModelElement.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                try {
                    f.setAccessible(true);
                    Object v = f.get(parent);
                    if (v instanceof Collection<?> col) {
                        held.addAll(col);
                    } else if (v != null) {
                        held.add(v);
                    }
                } catch (IllegalAccessException | RuntimeException e) {
                    throw new IllegalStateException("cannot inspect " + f, e);
                }
            }
        }
        for (Created c : kids) {
            if (!held.contains(c.element())) {
                Element kept = toDom.apply(c.element(), c.name());
                c.element().location().ifPresent(l -> kept.setUserData(KeptLocations.KEY, c.element(), null));
                parent.addKeptElement(kept);
            }
        }
    }

    // ---- SAX ----

    @Override
    public void setDocumentLocator(Locator locator) {
        this.locator = locator;
        delegate.setDocumentLocator(locator);
    }

    @Override
    public void startDocument() throws SAXException {
        delegate.startDocument();
    }

    @Override
    public void endDocument() throws SAXException {
        delegate.endDocument();
    }

    @Override
    public void startPrefixMapping(String prefix, String uri) throws SAXException {
        delegate.startPrefixMapping(prefix, uri);
    }

    @Override
    public void endPrefixMapping(String prefix) throws SAXException {
        delegate.endPrefixMapping(prefix);
    }

    @Override
    public void startElement(String uri, String local, String qName, Attributes atts) throws SAXException {
        if (++depth > maxDepth) {
            throw new SAXParseException("elements are nested deeper than " + maxDepth + " levels", locator);
        }
        if (locator != null) {
            line = locator.getLineNumber();
            column = locator.getColumnNumber();
        }
        localName = local;
        ordinal++;
        if (ordinal == parentOf.length) {
            parentOf = java.util.Arrays.copyOf(parentOf, ordinal * 2);
            lineOf = java.util.Arrays.copyOf(lineOf, ordinal * 2);
            columnOf = java.util.Arrays.copyOf(columnOf, ordinal * 2);
        }
        int parent = open.isEmpty() ? -1 : open.peek();
        parentOf[ordinal] = parent;
        lineOf[ordinal] = line;
        columnOf[ordinal] = column;
        if (parent >= 0) {
            childOrdinals.computeIfAbsent(parent, p -> new ArrayList<>()).add(ordinal);
        }
        open.push(ordinal);
        delegate.startElement(uri, local, qName, atts);
    }

    @Override
    public void endElement(String uri, String local, String qName) throws SAXException {
        depth--;
        open.pop();
        delegate.endElement(uri, local, qName);
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        delegate.characters(ch, start, length);
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
        delegate.ignorableWhitespace(ch, start, length);
    }

    @Override
    public void processingInstruction(String target, String data) {
        processingInstructions++;
    }

    @Override
    public void skippedEntity(String name) throws SAXException {
        throw new SAXParseException("entity reference &" + name + "; is not expanded", locator);
    }

    // ---- lexical ----

    @Override
    public void comment(char[] ch, int start, int length) {
        comments++;
    }

    @Override
    public void startDTD(String name, String publicId, String systemId) throws SAXException {
        throw new SAXParseException("DOCTYPE declarations are refused", locator);
    }

    @Override
    public void endDTD() {}

    @Override
    public void startEntity(String name) throws SAXException {
        // the five predefined entities (&lt; &amp; ...) are plain text; no other can be declared
        if (!PREDEFINED.contains(name)) {
            throw new SAXParseException("entity " + name + " is not expanded", locator);
        }
    }

    private static final java.util.Set<String> PREDEFINED = java.util.Set.of("lt", "gt", "amp", "quot", "apos");

    @Override
    public void endEntity(String name) {}

    @Override
    public void startCDATA() {}

    @Override
    public void endCDATA() {}
}
