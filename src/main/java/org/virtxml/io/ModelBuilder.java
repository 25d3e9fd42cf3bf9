package org.virtxml.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import javax.xml.namespace.QName;
import org.virtxml.model.Leaf;
import org.virtxml.model.ModelClass;
import org.virtxml.model.ModelElement;
import org.virtxml.model.ModelProperty;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.ext.DefaultHandler2;

/**
 * Builds the typed model from SAX events, from the bindings the generated classes declare
 * ({@link ModelClass}). Every element the model types becomes its class; everything else is kept
 * as DOM at its place, with its position. A second occurrence of an element the model holds once
 * replaces the first, which is kept as-is before it, so nothing read is lost and order is kept.
 * Also enforces the nesting limit and counts comments and processing instructions.
 */
final class ModelBuilder extends DefaultHandler2 {
    private static final Set<String> PREDEFINED = Set.of("lt", "gt", "amp", "quot", "apos");

    private final Class<? extends ModelElement> rootClass;
    private final String rootName;
    private final SourceText source;
    private final int maxDepth;
    private final java.util.function.Supplier<Document> domFactory;
    private final BiFunction<ModelElement, QName, Element> toDom;
    private final List<Frame> stack = new ArrayList<>();
    private final SourceRecorder recorder;
    private Locator locator;
    private Document dom;
    private ModelElement root;
    private int comments;
    private int processingInstructions;

    /** One open element: a model element, or a DOM element inside kept content. */
    private static final class Frame {
        final ModelElement model;
        final ModelClass binding;
        final Element kept;
        final boolean topKept;
        StringBuilder text;
        int startLine;
        int startColumn;

        Frame(ModelElement model, ModelClass binding, Element kept, boolean topKept) {
            this.model = model;
            this.binding = binding;
            this.kept = kept;
            this.topKept = topKept;
        }
    }

    ModelBuilder(Class<? extends ModelElement> rootClass, String rootName, SourceText source, int maxDepth,
            java.util.function.Supplier<Document> domFactory, BiFunction<ModelElement, QName, Element> toDom) {
        this.rootClass = rootClass;
        this.rootName = rootName;
        this.source = source;
        this.maxDepth = maxDepth;
        this.domFactory = domFactory;
        this.toDom = toDom;
        this.recorder = new SourceRecorder(source);
    }

    /** Where each element read stood in the source text, and what it held as read. */
    SourceRecorder recorder() {
        return recorder;
    }

    ModelElement root() {
        return root;
    }

    int comments() {
        return comments;
    }

    int processingInstructions() {
        return processingInstructions;
    }

    @Override
    public void setDocumentLocator(Locator locator) {
        this.locator = locator;
    }

    private ElementPosition position() {
        return locator == null ? null : new ElementPosition(source, locator.getLineNumber(), locator.getColumnNumber());
    }

    @Override
    public void startElement(String uri, String local, String qName, Attributes atts) throws SAXException {
        if (stack.size() >= maxDepth) {
            throw new SAXParseException("elements are nested deeper than " + maxDepth + " levels", locator);
        }
        if (stack.isEmpty()) {
            if (!uri.isEmpty() || !local.equals(rootName)) {
                throw new SAXParseException("root element <" + qName + "> is not <" + rootName + ">", locator);
            }
            root = ModelClass.of(rootClass).newInstance();
            openModel(root, atts);
            return;
        }
        Frame parent = stack.get(stack.size() - 1);
        if (parent.kept != null) {
            Element e = keptElement(uri, qName, atts);
            parent.kept.appendChild(e);
            stack.add(new Frame(null, null, e, false));
            return;
        }
        ModelProperty p = parent.binding.element(uri, local);
        if (p != null && ModelElement.class.isAssignableFrom(p.valueType())) {
            @SuppressWarnings("unchecked")
            ModelElement child = ModelClass.of((Class<? extends ModelElement>) p.valueType()).newInstance();
            Object replaced = p.put(parent.model, child);
            if (replaced instanceof ModelElement earlier) {
                Element keptEarlier = toDom.apply(earlier, new QName(p.namespace(), p.xmlName()));
                keptEarlier.setUserData(KeptLocations.KEY, earlier, null);
                parent.model.addKeptElement(keptEarlier);
                recorder.replaced(earlier, keptEarlier);
            }
            openModel(child, atts);
            return;
        }
        Element e = keptElement(uri, qName, atts);
        e.setUserData(KeptLocations.KEY, position(), null);
        parent.model.addKeptElement(e);
        Frame kept = new Frame(null, null, e, true);
        kept.startLine = locator.getLineNumber();
        kept.startColumn = locator.getColumnNumber();
        stack.add(kept);
    }

    private void openModel(ModelElement m, Attributes atts) {
        m.attachPosition(position());
        recorder.openElement(m, locator.getLineNumber(), locator.getColumnNumber());
        ModelClass binding = ModelClass.of(m.getClass());
        for (int i = 0; i < atts.getLength(); i++) {
            String uri = atts.getURI(i);
            String local = atts.getLocalName(i);
            ModelProperty a = binding.attribute(uri, local);
            if (a != null) {
                a.put(m, a.fromText(atts.getValue(i)));
            } else {
                String q = atts.getQName(i);
                int colon = q.indexOf(':');
                m.keptAttributes().put(new QName(uri, local, colon > 0 ? q.substring(0, colon) : ""), atts.getValue(i));
            }
        }
        stack.add(new Frame(m, binding, null, false));
    }

    private Element keptElement(String uri, String qName, Attributes atts) {
        if (dom == null) {
            dom = domFactory.get();
        }
        Element e = dom.createElementNS(uri.isEmpty() ? null : uri, qName);
        for (int i = 0; i < atts.getLength(); i++) {
            String auri = atts.getURI(i);
            e.setAttributeNS(auri.isEmpty() ? null : auri, atts.getQName(i), atts.getValue(i));
        }
        return e;
    }

    @Override
    public void endElement(String uri, String local, String qName) {
        Frame f = stack.remove(stack.size() - 1);
        String text = f.text == null ? null : f.text.toString();
        if (f.model != null) {
            if (text != null) {
                boolean leafValue = f.model instanceof Leaf && f.model.keptElements().isEmpty();
                if (leafValue || !text.isBlank()) {
                    f.model.setText(text);
                }
            }
            recorder.closeElement(f.model, locator.getLineNumber(), locator.getColumnNumber());
        } else {
            if (f.topKept) {
                FormattingWhitespace.strip(f.kept);
                recorder.keptElement(f.kept, f.startLine, f.startColumn, locator.getLineNumber(), locator.getColumnNumber());
            }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (stack.isEmpty()) {
            return;
        }
        Frame f = stack.get(stack.size() - 1);
        if (f.kept != null) {
            String s = new String(ch, start, length);
            Node last = f.kept.getLastChild();
            if (last != null && last.getNodeType() == Node.TEXT_NODE) {
                last.setNodeValue(last.getNodeValue() + s);
            } else {
                f.kept.appendChild(dom.createTextNode(s));
            }
            return;
        }
        if (f.text == null) {
            f.text = new StringBuilder(length);
        }
        f.text.append(ch, start, length);
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) {
        characters(ch, start, length);
    }

    @Override
    public void processingInstruction(String target, String data) {
        processingInstructions++;
    }

    @Override
    public void skippedEntity(String name) throws SAXException {
        throw new SAXParseException("entity reference &" + name + "; is not expanded", locator);
    }

    @Override
    public void comment(char[] ch, int start, int length) {
        comments++;
    }

    @Override
    public void startDTD(String name, String publicId, String systemId) throws SAXException {
        throw new SAXParseException("DOCTYPE declarations are refused", locator);
    }

    @Override
    public void startEntity(String name) throws SAXException {
        if (!PREDEFINED.contains(name)) {
            throw new SAXParseException("entity " + name + " is not expanded", locator);
        }
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXException {
        throw e;
    }

    @Override
    public void error(SAXParseException e) throws SAXException {
        throw e;
    }
}
