package org.virtxml.apply;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.ParserConfigurationException;
import org.virtxml.diff.Difference;
import org.virtxml.io.LibvirtDocument;
import org.virtxml.io.SafeXml;
import org.virtxml.model.Leaf;
import org.virtxml.model.domain.Domain;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The mark apply leaves in a domain's {@code <metadata>}: the digest of the document it applied
 * ({@code <virtxml:applied xmlns:virtxml="https://virtxml.org/xmlns/apply/1" digest="sha256:..."/>}).
 * A later apply of the same document finds the same digest and writes nothing; a changed document
 * (a disk removed as well as one added) has another digest and is defined again.
 */
final class AppliedMark {
    static final String NAMESPACE = "https://virtxml.org/xmlns/apply/1";
    private static final String ELEMENT = "applied";
    private static final String ATTRIBUTE = "digest";

    private AppliedMark() {}

    /** The digest of a document as applied: its text, without any mark of an earlier apply. */
    static String digest(LibvirtDocument<?> document) {
        LibvirtDocument<?> copy = document.copy();
        if (copy.root() instanceof Domain d) {
            remove(d);
        }
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256").digest(copy.write().getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** The digest a stored definition carries, if apply defined it. */
    static Optional<String> of(Domain stored) {
        Leaf metadata = stored.getMetadata();
        if (metadata == null) {
            return Optional.empty();
        }
        return marks(metadata).stream()
                .map(e -> e.getAttribute(ATTRIBUTE))
                .filter(s -> !s.isEmpty())
                .findFirst();
    }

    /** Puts the mark into the domain's metadata, replacing an earlier one. */
    static void put(Domain domain, String digest) {
        remove(domain);
        if (domain.getMetadata() == null) {
            domain.setMetadata(new Leaf());
        }
        try {
            Document owner = SafeXml.newDocumentBuilder().newDocument();
            Element mark = owner.createElementNS(NAMESPACE, "virtxml:" + ELEMENT);
            mark.setAttribute(ATTRIBUTE, digest);
            owner.appendChild(mark);
            domain.getMetadata().addKeptElement(mark);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser is unusable", e);
        }
    }

    /**
     * The differences without those of the mark: the mark itself, and a {@code <metadata>} on one
     * side only (apply adds it when the document has none; libvirt never adds one by itself).
     */
    static List<Difference> withoutMark(List<Difference> differences) {
        return differences.stream()
                .filter(d -> !d.path().contains(NAMESPACE)
                        && !("/domain/metadata".equals(d.path()) && (d.left() == null || d.right() == null)))
                .toList();
    }

    private static void remove(Domain domain) {
        Leaf metadata = domain.getMetadata();
        if (metadata != null) {
            marks(metadata).forEach(metadata::removeKeptElement);
            if (metadata.keptElements().isEmpty()
                    && (metadata.getText() == null || metadata.getText().isBlank())
                    && metadata.keptAttributes().isEmpty()) {
                domain.setMetadata(null);
            }
        }
    }

    private static List<Element> marks(Leaf metadata) {
        return metadata.keptElements().stream()
                .filter(e -> NAMESPACE.equals(e.getNamespaceURI()) && ELEMENT.equals(e.getLocalName()))
                .toList();
    }
}
