package org.virtxml.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import org.virtxml.model.DocumentKind;
import org.virtxml.model.ModelElement;
import org.virtxml.model.ModelProperty;
import org.w3c.dom.Element;

/**
 * A libvirt document: its kind, its typed root, and what is known of where it came from.
 * Obtain one from {@link LibvirtXml}; edit the root through its typed properties; write it back
 * with {@link #write()} or {@link #writeTo(Path)}.
 *
 * @param <T> the root class: {@code Domain}, {@code Pool}, {@code Volume} or {@code Capabilities}
 */
public final class LibvirtDocument<T extends ModelElement> {
    private final DocumentKind kind;
    private final T root;
    private final String source;
    private final boolean xmlDeclaration;
    private final int comments;
    private final int processingInstructions;
    private final SourceMap sourceMap;

    private LibvirtDocument(
            DocumentKind kind,
            T root,
            String source,
            boolean xmlDeclaration,
            int comments,
            int pis,
            SourceMap sourceMap) {
        this.kind = kind;
        this.root = root;
        this.source = source;
        this.xmlDeclaration = xmlDeclaration;
        this.comments = comments;
        this.processingInstructions = pis;
        this.sourceMap = sourceMap;
    }

    static LibvirtDocument<?> read(
            DocumentKind kind,
            ModelElement root,
            String source,
            boolean decl,
            int comments,
            int pis,
            SourceMap sourceMap) {
        return new LibvirtDocument<>(kind, root, source, decl, comments, pis, sourceMap);
    }

    /** A new document around a root built in code. */
    public static <R extends ModelElement> LibvirtDocument<R> of(R root) {
        DocumentKind kind = DocumentKind.forRootClass(
                        Objects.requireNonNull(root).getClass())
                .orElseThrow(() -> new IllegalArgumentException(root.getClass().getName() + " is not a document root"));
        return new LibvirtDocument<>(kind, root, null, false, 0, 0, null);
    }

    public DocumentKind kind() {
        return kind;
    }

    public T root() {
        return root;
    }

    /** The root, as the given class; fails when the document is of another kind. */
    public <R extends ModelElement> R root(Class<R> type) {
        if (!type.isInstance(root)) {
            throw new IllegalStateException("document " + (source == null ? "" : source + " ") + "is a "
                    + kind.rootElement() + ", not a " + type.getSimpleName());
        }
        return type.cast(root);
    }

    /** The file name or other name the document was read under; null for a document built in code. */
    public String source() {
        return source;
    }

    /** Whether the document read had an XML declaration (written back when it had). */
    public boolean hasXmlDeclaration() {
        return xmlDeclaration;
    }

    /**
     * Comments and processing instructions in the document read. The model does not hold them; they
     * stay in the document's text, which {@link #write()} keeps (and {@link #normalized()} too).
     */
    public int commentsAndProcessingInstructions() {
        return comments + processingInstructions;
    }

    /**
     * The document as XML text. For a document read from text, that text with only what the model
     * changed rewritten (byte-stable: unchanged, the very text read); for one built in code, the
     * normal form of {@link #normalized()}.
     */
    public String write() {
        if (sourceMap != null && sourceMap.node(root) == sourceMap.root()) {
            return ByteStableWriter.write(root, sourceMap);
        }
        return LibvirtXml.defaults().write(root, xmlDeclaration);
    }

    /** {@link #write()}, without the comments and processing instructions read (each alone on its line takes the line). */
    public String writeWithoutComments() {
        return CommentRemoval.apply(write());
    }

    /**
     * The document in normal form, as {@code fmt} writes it: libvirt's element order, two-space
     * indentation, single quotes; comments and processing instructions between elements are kept.
     */
    public String normalized() {
        return Normalizer.write(root, xmlDeclaration, sourceMap, true);
    }

    /** The normal form of {@link #normalized()} without the comments and processing instructions read. */
    public String normalizedWithoutComments() {
        return Normalizer.write(root, xmlDeclaration, sourceMap, false);
    }

    /** The document's bytes as {@link #write()} gives them, in the encoding it was read in (UTF-8 when built in code). */
    public byte[] toBytes() {
        if (sourceMap == null) {
            String text = write();
            return text.getBytes(StandardCharsets.UTF_8);
        }
        String text = sourceMap.byteOrderMark() + write();
        java.nio.charset.Charset cs = sourceMap.charset();
        // "UTF-16" declared without a byte order mark is big-endian; Java's encoder would add a mark
        return encode(text, cs == StandardCharsets.UTF_16 ? StandardCharsets.UTF_16BE : cs);
    }

    /** Text in an encoding; a character the encoding lacks (a new value in a Latin-1 document) as a character reference. */
    private static byte[] encode(String text, java.nio.charset.Charset cs) {
        if (cs.name().startsWith("UTF-")) {
            return text.getBytes(cs);
        }
        java.nio.charset.CharsetEncoder encoder = cs.newEncoder();
        if (encoder.canEncode(text)) {
            return text.getBytes(cs);
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(cp -> {
            String c = Character.toString(cp);
            if (encoder.canEncode(c)) {
                sb.append(c);
            } else {
                sb.append("&#").append(cp).append(';');
            }
        });
        return sb.toString().getBytes(cs);
    }

    /** Writes the document to a file atomically: a temporary file in the same folder, then a rename. */
    public void writeTo(Path file) throws IOException {
        AtomicFiles.write(file, toBytes());
    }

    public void writeTo(OutputStream out) throws IOException {
        out.write(toBytes());
        out.flush();
    }

    /** A deep copy of this document: the root and everything under it, with the same source facts. */
    public LibvirtDocument<T> copy() {
        return withRoot(ModelElement.copyOf(root));
    }

    /**
     * This document with another root of the same kind, typically an edited deep copy of this one's
     * root (as {@code clone} makes): elements at the same place as this root's are written from this
     * document's text, so that writing changes only what differs.
     */
    public <R extends ModelElement> LibvirtDocument<R> withRoot(R newRoot) {
        if (DocumentKind.forRootClass(newRoot.getClass()).orElse(null) != kind) {
            throw new IllegalArgumentException(
                    newRoot.getClass().getName() + " is not the root of a " + kind.rootElement());
        }
        SourceMap rebased = sourceMap == null ? null : sourceMap.rebased(root, newRoot);
        return new LibvirtDocument<>(kind, newRoot, source, xmlDeclaration, comments, processingInstructions, rebased);
    }

    /** Everything the model keeps as-is rather than typing, with its path and position, in document order. */
    public List<KeptItem> keptContent() {
        List<KeptItem> out = new ArrayList<>();
        collect(root, "/" + kind.rootElement(), out);
        return out;
    }

    private static void collect(ModelElement e, String path, List<KeptItem> out) {
        for (Map.Entry<QName, String> a : e.keptAttributes().entrySet()) {
            QName q = a.getKey();
            out.add(new KeptItem(
                    path + "/@" + display(q), q.getNamespaceURI(), true, e.attributeLocation(q.getLocalPart())));
        }
        Map<String, Integer> index = new HashMap<>();
        for (Element k : e.keptElements()) {
            String name = display(new QName(Objects.toString(k.getNamespaceURI(), ""), k.getLocalName()));
            int i = index.merge(name, 1, Integer::sum);
            out.add(new KeptItem(
                    path + "/" + name + "[" + i + "]",
                    Objects.toString(k.getNamespaceURI(), ""),
                    false,
                    KeptLocations.of(k)));
        }
        for (ModelProperty p : ModelProperty.of(e.getClass())) {
            if (p.isAttribute()) {
                continue;
            }
            List<Object> values = p.values(e);
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) instanceof ModelElement child) {
                    collect(child, path + "/" + p.xmlName() + (p.isList() ? "[" + (i + 1) + "]" : ""), out);
                }
            }
        }
    }

    private static String display(QName q) {
        String ns = q.getNamespaceURI();
        return ns == null || ns.isEmpty() || XMLConstants.NULL_NS_URI.equals(ns)
                ? q.getLocalPart()
                : "{" + ns + "}" + q.getLocalPart();
    }

    @Override
    public String toString() {
        return write();
    }
}
