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
    /** The shared values, through this reader's front to them. */
    private final SharedValues.Local shared;
    /** Names found valid in XML namespaces (see {@link #requireNamespaceName}), by hash: the parser's names are interned. */
    private final String[] validNames;
    /**
     * Whether the document declares XML 1.1, the only version in which the parser lets control
     * characters through (as character references): only then are texts and values checked here.
     */
    private final boolean xml11;

    private final int maxDepth;
    private final java.util.function.Supplier<Document> domFactory;
    private final BiFunction<ModelElement, QName, Element> toDom;
    /** The open elements' frames are those of {@link #frames} at depths 0 to {@code depth - 1}. */
    private int depth;
    /** The values of the attributes of the start tag being read, in the parser's order. */
    private String[] values = new String[8];
    /** Frames to reuse, by depth: the frame at depth d is always the same one. */
    private final Frames frames;

    private final SourceRecorder recorder;
    private Locator locator;
    private Document dom;
    private ModelElement root;
    private int comments;
    private int processingInstructions;

    /**
     * The frames of one reader, kept from one document to the next (one document at a time): a
     * document does not allocate a frame per depth again. {@link #release} lets go of what the
     * last document left in them.
     */
    static final class Frames {
        /** The frame of each depth (null where none was needed yet). */
        private Frame[] spare = new Frame[16];

        private final SourceRecorder.Scratch recording = new SourceRecorder.Scratch();
        private final String[] validNames = new String[256];
        private SharedValues.Local values;

        /** This reader's front to the shared values (a new one if the table is another). */
        SharedValues.Local values(SharedValues shared) {
            if (values == null || !values.fronts(shared)) {
                values = shared.local();
            }
            return values;
        }

        void release() {
            for (int i = 0; i < spare.length && spare[i] != null; i++) {
                spare[i].open(null, null, null, false);
            }
            recording.release();
        }
    }

    /**
     * One open element: a model element, or a DOM element inside kept content. Frames are reused
     * by depth (see {@link #push}): every field is set again when one is opened.
     */
    private static final class Frame {
        ModelElement model;
        ModelClass binding;
        Element kept;
        boolean topKept;
        /** Whether any text was seen: {@link #text} is reused between elements and means nothing until then. */
        boolean textSeen;
        /** A model element's text; inside kept content, the text since the last child (one text node). */
        StringBuilder text;
        /** Where the text since the last child element starts in {@link #text}. */
        int segmentStart;
        /**
         * White space alone that opens the current run of a model element's text (outside CDATA), not
         * yet in {@link #text}: when the run ends at a child element it only indented and is dropped;
         * when other text follows in the run, or the run ends otherwise, it goes into the text
         * first. Spares the builder the indentation.
         */
        char[] heldBlank = new char[32];

        int heldLength;
        /** Text segments of white space alone (start, end): dropped when the element has children. */
        List<int[]> blankSegments;

        boolean inCdata;
        boolean hasChildren;
        /** A model element's kept children, in document order, given to it when it ends. */
        List<Element> keptChildren;
        /**
         * The elements held once read so far ({@link #onceRead}, by identity, {@link #onceCount} of them) and,
         * at {@code 2i} and {@code 2i + 1} of {@link #readAt}, the number of kept children before each was
         * read and its read number. Kept with the frame, so that reading them allocates nothing.
         */
        ModelElement[] onceRead = new ModelElement[4];

        int[] readAt = new int[8];
        int onceCount;
        /** Elements held once read so far, to order those read at the same place. */
        int reads;
        /**
         * The single-valued child element properties set so far, by index in {@link
         * ModelClass#elementProperties()} (the first 64): an element is new when its frame opens,
         * so a property not set since holds nothing to replace.
         */
        long propertiesSet;

        int startLine;
        int startColumn;
        /**
         * The typed attribute values read on the start tag, in {@link AttributeProperties} order
         * (reused between elements: meaningful up to {@link #lastAttribute}).
         */
        Object[] attributeValues = new Object[8];
        /** The index of the last typed attribute read, -1 for none. */
        int lastAttribute = -1;

        Frame open(ModelElement model, ModelClass binding, Element kept, boolean topKept) {
            this.model = model;
            this.binding = binding;
            this.kept = kept;
            this.topKept = topKept;
            this.textSeen = false;
            this.segmentStart = 0;
            this.heldLength = 0;
            this.blankSegments = null;
            this.inCdata = false;
            this.hasChildren = false;
            this.keptChildren = null;
            for (int i = 0; i < onceCount; i++) {
                onceRead[i] = null; // most elements held none: no call to Arrays.fill for nothing
            }
            this.onceCount = 0;
            this.reads = 0;
            this.propertiesSet = 0;
            this.startLine = 0;
            this.startColumn = 0;
            for (int i = 0; i <= lastAttribute; i++) {
                attributeValues[i] = null;
            }
            this.lastAttribute = -1;
            return this;
        }

        void attributeRead(int index, Object value, int count) {
            if (attributeValues.length < count) {
                attributeValues = java.util.Arrays.copyOf(attributeValues, Math.max(count, attributeValues.length * 2));
            }
            attributeValues[index] = value;
            lastAttribute = Math.max(lastAttribute, index);
        }

        /** The typed attribute values as read, without the trailing absent ones (see {@link AttributeProperties}). */
        Object[] attributeSnapshot() {
            return lastAttribute < 0
                    ? AttributeProperties.NONE
                    : java.util.Arrays.copyOf(attributeValues, lastAttribute + 1);
        }

        /** The text since the element opened, empty the first time it is asked. */
        StringBuilder text(int capacity) {
            if (!textSeen) {
                textSeen = true;
                if (text == null || text.capacity() > 8192) {
                    text = new StringBuilder(Math.max(16, capacity));
                } else {
                    text.setLength(0);
                }
            }
            return text;
        }

        /** Where an earlier element held once was read, forgotten as it is asked; null when unknown. */
        int[] forget(ModelElement earlier) {
            for (int i = 0; i < onceCount; i++) {
                if (onceRead[i] == earlier) {
                    int[] at = {readAt[2 * i], readAt[2 * i + 1]};
                    System.arraycopy(onceRead, i + 1, onceRead, i, onceCount - i - 1);
                    System.arraycopy(readAt, 2 * i + 2, readAt, 2 * i, 2 * (onceCount - i - 1));
                    onceRead[--onceCount] = null;
                    return at;
                }
            }
            return null;
        }

        /**
         * Keeps a child element; {@code at} places an earlier occurrence of an element held once
         * where it was read among the kept children (null: at the end), so that a second pass
         * reads the same order.
         */
        void keep(Element e, int[] at) {
            if (keptChildren == null) {
                keptChildren = new ArrayList<>();
            }
            if (at == null) {
                keptChildren.add(e);
                return;
            }
            keptChildren.add(at[0], e);
            // the elements read after it, at or after its place, move one on; those read before stay before it
            for (int i = 0; i < onceCount; i++) {
                if (readAt[2 * i] > at[0] || readAt[2 * i] == at[0] && readAt[2 * i + 1] > at[1]) {
                    readAt[2 * i]++;
                }
            }
        }

        void remember(ModelElement once) {
            if (onceCount == onceRead.length) {
                onceRead = java.util.Arrays.copyOf(onceRead, onceCount * 2);
                readAt = java.util.Arrays.copyOf(readAt, onceCount * 4);
            }
            onceRead[onceCount] = once;
            readAt[2 * onceCount] = keptChildren == null ? 0 : keptChildren.size();
            readAt[2 * onceCount + 1] = ++reads;
            onceCount++;
        }
    }

    ModelBuilder(
            Class<? extends ModelElement> rootClass,
            String rootName,
            SourceText source,
            SharedValues shared,
            int maxDepth,
            java.util.function.Supplier<Document> domFactory,
            BiFunction<ModelElement, QName, Element> toDom,
            Frames frames) {
        this.frames = frames;
        this.rootClass = rootClass;
        this.rootName = rootName;
        this.source = source;
        this.shared = frames.values(shared);
        this.validNames = frames.validNames;
        this.xml11 = declaresXml11(source.text());
        this.maxDepth = maxDepth;
        this.domFactory = domFactory;
        this.toDom = toDom;
        this.recorder = new SourceRecorder(source, frames.recording);
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

    private ReadTagLocations position() {
        return locator == null
                ? null
                : new ReadTagLocations(source, locator.getLineNumber(), locator.getColumnNumber());
    }

    @Override
    public void startElement(String uri, String local, String qName, Attributes atts) throws SAXException {
        if (depth >= maxDepth) {
            throw new SAXParseException("elements are nested deeper than " + maxDepth + " levels", locator);
        }
        requireNamespaceName(qName, local);
        int count = atts.getLength();
        if (values.length < count) {
            values = new String[Math.max(count, values.length * 2)];
        }
        for (int i = 0; i < count; i++) {
            requireNamespaceName(atts.getQName(i), atts.getLocalName(i));
            values[i] = atts.getValue(i); // the parser makes a new string on each call: asked once
            if (xml11) {
                requireXml10(values[i]);
            }
        }
        if (depth > 0) {
            Frame parent = top();
            if (parent.kept != null) {
                endTextSegment(parent);
            } else {
                startChild(parent);
            }
        }
        if (depth == 0) {
            if (!uri.isEmpty() || !local.equals(rootName)) {
                throw new SAXParseException("root element <" + qName + "> is not <" + rootName + ">", locator);
            }
            ModelClass rootBinding = ModelClass.of(rootClass);
            root = rootBinding.newInstance();
            openModel(root, rootBinding, atts);
            return;
        }
        Frame parent = top();
        if (parent.kept != null) {
            Element e = keptElement(uri, qName, atts);
            parent.kept.appendChild(e);
            push(null, null, e, false);
            return;
        }
        int index = parent.binding.elementIndex(uri, local);
        ModelClass childBinding = index < 0 ? null : parent.binding.childBinding(index);
        if (childBinding != null) {
            ModelProperty p = parent.binding.elementProperties().get(index);
            ModelElement child = childBinding.newInstance();
            Object replaced;
            if (!p.isList() && index < 64 && (parent.propertiesSet & (1L << index)) == 0) {
                p.set(parent.model, child); // set for the first time: nothing to replace, no need to read it
                parent.propertiesSet |= 1L << index;
                replaced = null;
            } else {
                replaced = p.put(parent.model, child);
            }
            if (replaced instanceof ModelElement earlier) {
                Element keptEarlier = toDom.apply(earlier, new QName(p.namespace(), p.xmlName()));
                keptEarlier.setUserData(KeptLocations.KEY, earlier, null);
                parent.keep(keptEarlier, parent.forget(earlier));
                recorder.replaced(earlier, keptEarlier);
            }
            if (!p.isList()) {
                parent.remember(child);
            }
            openModel(child, childBinding, atts);
            return;
        }
        Element e = keptElement(uri, qName, atts);
        e.setUserData(KeptLocations.KEY, position(), null);
        parent.keep(e, null);
        Frame kept = push(null, null, e, true);
        kept.startLine = locator.getLineNumber();
        kept.startColumn = locator.getColumnNumber();
    }

    private void openModel(ModelElement m, ModelClass binding, Attributes atts) {
        m.attachLocations(recorder.openElement(m, locator.getLineNumber(), locator.getColumnNumber()));
        List<ModelProperty> typed = binding.attributeProperties();
        Frame f = push(m, binding, null, false);
        for (int i = 0; i < atts.getLength(); i++) {
            String uri = atts.getURI(i);
            String local = atts.getLocalName(i);
            int index = binding.attributeIndex(uri, local);
            String value = shared.share(values[i]);
            if (index >= 0) {
                ModelProperty a = typed.get(index);
                Object v = a.fromText(value);
                a.set(m, v); // an attribute occurs once in a tag: nothing to replace
                f.attributeRead(index, v, typed.size());
            } else {
                String q = atts.getQName(i);
                int colon = q.indexOf(':');
                m.keptAttributes().put(new QName(uri, local, colon > 0 ? q.substring(0, colon) : ""), value);
            }
        }
    }

    /** Opens a frame at the next depth, reusing the one last used there. */
    private Frame push(ModelElement model, ModelClass binding, Element kept, boolean topKept) {
        if (depth == frames.spare.length) {
            frames.spare = java.util.Arrays.copyOf(frames.spare, depth * 2);
        }
        Frame f = frames.spare[depth];
        if (f == null) {
            f = new Frame();
            frames.spare[depth] = f;
        }
        depth++;
        return f.open(model, binding, kept, topKept);
    }

    /** The innermost open element's frame (at least one is open). */
    private Frame top() {
        return frames.spare[depth - 1];
    }

    private Element keptElement(String uri, String qName, Attributes atts) {
        if (dom == null) {
            dom = domFactory.get();
        }
        Element e = dom.createElementNS(uri.isEmpty() ? null : uri, qName);
        for (int i = 0; i < atts.getLength(); i++) {
            String auri = atts.getURI(i);
            e.setAttributeNS(auri.isEmpty() ? null : auri, atts.getQName(i), values[i]);
        }
        return e;
    }

    /**
     * A name with an empty prefix or local part ({@code :a}, {@code a:}) is well-formed XML 1.0 but
     * not a name in the namespaces of XML, and libvirt's parser does not take it either.
     */
    private void requireNamespaceName(String qName, String local) throws SAXParseException {
        int slot = qName.hashCode() & (validNames.length - 1);
        if (validNames[slot] == qName) {
            return; // the same name (and so the same local part) was found valid before
        }
        int colon = qName.indexOf(':');
        if (colon == 0
                || colon == qName.length() - 1
                || local == null
                || local.isEmpty()
                || qName.indexOf(':', colon + 1) >= 0) {
            throw new SAXParseException("'" + qName + "' is not a valid name in XML namespaces", locator);
        }
        validNames[slot] = qName;
    }

    /**
     * Whether the text opens with an XML declaration that may name version 1.1 (any "1.1" in it:
     * when in doubt, the characters are checked). Without a declaration a document is XML 1.0.
     */
    static boolean declaresXml11(String text) {
        int from = text.startsWith("\uFEFF") ? 1 : 0;
        if (!text.startsWith("<?xml", from)) {
            return false;
        }
        int end = text.indexOf("?>", from);
        return end < 0 || text.substring(from, end).contains("1.1");
    }

    /**
     * An XML 1.1 document may carry control characters (as {@code &#x1b;}) that XML 1.0 cannot:
     * libvirt's parser (libxml2, XML 1.0) refuses them, and no output could hold them.
     */
    private void requireXml10(CharSequence s) throws SAXParseException {
        for (int i = 0; i < s.length(); i++) {
            requireXml10(s.charAt(i));
        }
    }

    private void requireXml10(char[] ch, int start, int length) throws SAXParseException {
        for (int i = start; i < start + length; i++) {
            requireXml10(ch[i]);
        }
    }

    private void requireXml10(char c) throws SAXParseException {
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            throw new SAXParseException(String.format("character U+%04X is not allowed in XML 1.0", (int) c), locator);
        }
    }

    /**
     * A child element, a CDATA section or the element's end ends a run of text. Inside kept content
     * the run becomes one text node. Of a model element, a run of white space alone outside CDATA
     * only indents when the element has children, as the lossless contract reads it: held apart by
     * {@link #characters}, it is dropped here when the element has children already, else it goes
     * into the text and is noted, to be dropped at the element's end if a child follows.
     */
    private void endTextSegment(Frame f) {
        if (!f.textSeen) {
            return;
        }
        if (f.heldLength > 0) {
            if (!f.hasChildren) {
                f.text.append(f.heldBlank, 0, f.heldLength); // not (yet) indentation: text as read, noted below
            }
            f.heldLength = 0; // with children: white space alone outside CDATA only indents, dropped
        }
        if (f.kept != null) {
            if (f.text.length() > 0) {
                f.kept.appendChild(dom.createTextNode(f.text.toString()));
                f.text.setLength(0);
            }
            return;
        }
        int end = f.text.length();
        // a run of white space alone outside CDATA reaches the text only as held above, before any child
        if (!f.inCdata && end > f.segmentStart && isBlank(f.text, f.segmentStart)) {
            if (f.blankSegments == null) {
                f.blankSegments = new ArrayList<>();
            }
            f.blankSegments.add(new int[] {f.segmentStart, end});
        }
        f.segmentStart = end;
    }

    private void startChild(Frame parent) {
        parent.hasChildren = true;
        endTextSegment(parent);
    }

    /** A model element's text without the white space that only indents its children. */
    private static String modelText(Frame f) {
        if (!f.hasChildren || f.blankSegments == null) {
            return f.text.toString();
        }
        StringBuilder sb = new StringBuilder(f.text.length());
        int from = 0;
        for (int[] blank : f.blankSegments) {
            sb.append(f.text, from, blank[0]);
            from = blank[1];
        }
        return sb.append(f.text, from, f.text.length()).toString();
    }

    /** A comment or processing instruction ends a run of text, as it splits text nodes in a DOM. */
    private void textBoundary() {
        if (depth > 0) {
            endTextSegment(top());
        }
    }

    @Override
    public void startCDATA() {
        if (depth > 0) {
            Frame f = top();
            endTextSegment(f);
            f.inCdata = true;
        }
    }

    @Override
    public void endCDATA() {
        if (depth > 0) {
            Frame f = top();
            endTextSegment(f);
            f.inCdata = false;
        }
    }

    private static boolean isBlank(CharSequence s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (!Character.isWhitespace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void endElement(String uri, String local, String qName) {
        Frame f = frames.spare[--depth];
        endTextSegment(f);
        String text = !f.textSeen || f.kept != null ? null : modelText(f);
        if (f.model != null && f.keptChildren != null) {
            for (Element k : f.keptChildren) {
                f.model.addKeptElement(k);
            }
        }
        if (f.model != null) {
            // the text as read: what the model holds now; known here without asking the model when it
            // holds no kept element (its text is then the one set below, or none)
            String textRead = null;
            if (text != null) {
                boolean leafValue = f.model instanceof Leaf && f.keptChildren == null; // no kept element
                if (leafValue || !text.isBlank()) {
                    textRead = shared.share(text);
                    f.model.setText(textRead);
                }
            }
            if (f.keptChildren != null) {
                textRead = f.model.getText();
            }
            recorder.closeElement(
                    f.model, textRead, f.attributeSnapshot(), locator.getLineNumber(), locator.getColumnNumber());
        } else {
            if (f.topKept) {
                FormattingWhitespace.strip(f.kept);
                recorder.keptElement(
                        f.kept, f.startLine, f.startColumn, locator.getLineNumber(), locator.getColumnNumber());
            }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        if (depth == 0) {
            return;
        }
        Frame f = top();
        if (xml11) {
            requireXml10(ch, start, length);
        }
        StringBuilder text = f.text(length);
        if (f.kept == null && !f.inCdata && text.length() == f.segmentStart) {
            // nothing but white space yet in this run: held apart until the run shows more
            if (isBlank(ch, start, length)) {
                if (f.heldLength + length > f.heldBlank.length) {
                    f.heldBlank =
                            java.util.Arrays.copyOf(f.heldBlank, Math.max(f.heldLength + length, f.heldLength * 2));
                }
                System.arraycopy(ch, start, f.heldBlank, f.heldLength, length);
                f.heldLength += length;
                return;
            }
            text.append(f.heldBlank, 0, f.heldLength);
            f.heldLength = 0;
        }
        text.append(ch, start, length);
    }

    private static boolean isBlank(char[] ch, int start, int length) {
        for (int i = start; i < start + length; i++) {
            if (!Character.isWhitespace(ch[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
        characters(ch, start, length);
    }

    @Override
    public void processingInstruction(String target, String data) {
        textBoundary();
        processingInstructions++;
    }

    @Override
    public void skippedEntity(String name) throws SAXException {
        throw new SAXParseException("entity reference &" + name + "; is not expanded", locator);
    }

    @Override
    public void comment(char[] ch, int start, int length) {
        textBoundary();
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
