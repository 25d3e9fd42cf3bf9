package org.virtxml.connect.mem;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.virtxml.connect.ErrorCode;
import org.virtxml.connect.ErrorDomain;
import org.virtxml.connect.LibvirtException;
import org.virtxml.io.DocumentReadException;
import org.virtxml.io.LibvirtDocument;
import org.virtxml.io.LibvirtXml;
import org.virtxml.io.ReadProblem;
import org.virtxml.model.ModelClass;
import org.virtxml.model.ModelElement;
import org.virtxml.model.ModelProperty;
import org.virtxml.model.Uuid;
import org.virtxml.model.UuidLeaf;

/**
 * The few facts the in-memory host needs from a definition (root element, name, UUID, type), read
 * through the typed model, so the in-memory host parses exactly as the rest of the SDK does.
 * Failures are libvirt's XML errors.
 */
final class XmlIdentity {
    private static final Pattern FOUND_ROOT = Pattern.compile("root element is <([^>]*)>");
    private final LibvirtDocument<?> document;

    private XmlIdentity(LibvirtDocument<?> document) {
        this.document = document;
    }

    /** Parses {@code xml}, which must have root element {@code expectedRoot}. */
    static XmlIdentity parse(String xml, String expectedRoot) {
        LibvirtDocument<?> document;
        try {
            document = LibvirtXml.defaults().read(xml, expectedRoot + "_definition");
        } catch (DocumentReadException e) {
            ReadProblem p = e.problem();
            if (p.kind() == ReadProblem.Kind.ROOT_UNKNOWN) {
                Matcher m = FOUND_ROOT.matcher(p.message());
                throw xmlError("XML error: expecting root element of '" + expectedRoot + "', not '"
                        + (m.find() ? m.group(1) : "?") + "'");
            }
            throw new LibvirtException(
                    ErrorCode.VIR_ERR_XML_DETAIL,
                    ErrorDomain.VIR_FROM_DOMAIN,
                    "(" + expectedRoot + "_definition):" + p.line() + ": " + p.message());
        }
        if (!document.kind().rootElement().equals(expectedRoot)) {
            throw xmlError("XML error: expecting root element of '" + expectedRoot + "', not '"
                    + document.kind().rootElement() + "'");
        }
        return new XmlIdentity(document);
    }

    private static LibvirtException xmlError(String message) {
        return new LibvirtException(ErrorCode.VIR_ERR_XML_ERROR, ErrorDomain.VIR_FROM_XML, message);
    }

    /** The text of the root's {@code <name>} child; libvirt refuses a definition without one. */
    String name() {
        return childText(document.root(), "name")
                .filter(s -> !s.isBlank())
                .orElseThrow(() -> new LibvirtException(
                        ErrorCode.VIR_ERR_NO_NAME, ErrorDomain.VIR_FROM_DOMAIN, "missing name information"));
    }

    /** The root's {@code <uuid>}, if given. */
    Optional<UUID> uuid() {
        return childText(document.root(), "uuid").map(text -> {
            Uuid uuid = Uuid.of(text);
            if (!uuid.isValid()) {
                throw new LibvirtException(
                        ErrorCode.VIR_ERR_INTERNAL_ERROR,
                        ErrorDomain.VIR_FROM_DOMAIN,
                        "internal error: malformed uuid element");
            }
            return uuid.toJavaUuid();
        });
    }

    /** The root's {@code type} attribute (e.g. kvm), if any. */
    Optional<String> type() {
        ModelProperty type = ModelClass.of(document.root().getClass()).attribute("", "type");
        return type == null
                ? Optional.empty()
                : type.values(document.root()).stream()
                        .map(v -> type.toText(v))
                        .filter(s -> !s.isEmpty())
                        .findFirst();
    }

    /**
     * libvirt's content the schema does not allow (what libvirt's VIR_DOMAIN_DEFINE_VALIDATE would
     * refuse): the first item the model kept untyped in libvirt's own (empty) namespace, if any.
     */
    Optional<org.virtxml.io.KeptItem> firstOutsideSchema() {
        return document.keptContent().stream()
                .filter(k -> k.namespace().isEmpty()
                        && !k.path().contains("/metadata/")
                        && !k.path().endsWith("/metadata"))
                .findFirst();
    }

    /** The text of a direct child of the root's direct child, e.g. {@code target/path} of a pool. */
    Optional<String> grandchildText(String child, String grandchild) {
        return child(document.root(), child).flatMap(c -> childText(c, grandchild));
    }

    /** The document with a {@code <uuid>} when it had none (libvirt stores the one it generates). */
    String withUuid(UUID uuid) {
        if (childText(document.root(), "uuid").isEmpty()) {
            ModelProperty p = ModelClass.of(document.root().getClass()).element("", "uuid");
            p.put(document.root(), UuidLeaf.of(Uuid.of(uuid)));
        }
        return document.write();
    }

    /** The document with the root's {@code id} attribute set, as libvirt shows a running domain. */
    String withId(int id) {
        ModelProperty p = ModelClass.of(document.root().getClass()).attribute("", "id");
        p.put(document.root(), p.fromText(Integer.toString(id)));
        return document.write();
    }

    private static Optional<ModelElement> child(ModelElement parent, String name) {
        ModelProperty p = ModelClass.of(parent.getClass()).element("", name);
        return p == null
                ? Optional.empty()
                : p.values(parent).stream()
                        .filter(ModelElement.class::isInstance)
                        .map(ModelElement.class::cast)
                        .findFirst();
    }

    private static Optional<String> childText(ModelElement parent, String name) {
        return child(parent, name).map(ModelElement::getText).map(String::trim);
    }
}
