package org.virtxml.connect.mem;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Optional;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.virtxml.connect.ErrorCode;
import org.virtxml.connect.ErrorDomain;
import org.virtxml.connect.LibvirtException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The few facts the in-memory host needs from a definition (root element, name, UUID, type), read
 * with a DOM parser that refuses DOCTYPEs and external entities. Failures are libvirt's XML errors.
 */
final class XmlIdentity {
    private final Document document;

    private XmlIdentity(Document document) {
        this.document = document;
    }

    /** Parses {@code xml}, which must have root element {@code expectedRoot}. */
    static XmlIdentity parse(String xml, String expectedRoot) {
        Document document;
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(null);
            document = builder.parse(new InputSource(new StringReader(xml)));
        } catch (SAXParseException e) {
            throw new LibvirtException(ErrorCode.VIR_ERR_XML_DETAIL, ErrorDomain.VIR_FROM_DOMAIN,
                    "(" + expectedRoot + "_definition):" + e.getLineNumber() + ": " + e.getMessage());
        } catch (SAXException | IOException e) {
            throw xmlError("XML error: " + e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser cannot be configured safely", e);
        }
        String root = document.getDocumentElement().getTagName();
        if (!root.equals(expectedRoot)) {
            throw xmlError("XML error: expecting root element of '" + expectedRoot + "', not '" + root + "'");
        }
        return new XmlIdentity(document);
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setNamespaceAware(true);
        return factory;
    }

    private static LibvirtException xmlError(String message) {
        return new LibvirtException(ErrorCode.VIR_ERR_XML_ERROR, ErrorDomain.VIR_FROM_XML, message);
    }

    /** The text of the root's {@code <name>} child; libvirt refuses a definition without one. */
    String name() {
        return childText("name").filter(s -> !s.isBlank())
                .orElseThrow(() -> new LibvirtException(ErrorCode.VIR_ERR_NO_NAME, ErrorDomain.VIR_FROM_DOMAIN,
                        "missing name information"));
    }

    /** The root's {@code <uuid>}, if given. */
    Optional<UUID> uuid() {
        return childText("uuid").map(String::trim).map(text -> {
            String hex = text.replace("-", "");
            if (!hex.matches("[0-9a-fA-F]{32}")) {
                throw new LibvirtException(ErrorCode.VIR_ERR_INTERNAL_ERROR, ErrorDomain.VIR_FROM_DOMAIN,
                        "internal error: malformed uuid element");
            }
            return new UUID(Long.parseUnsignedLong(hex.substring(0, 16), 16), Long.parseUnsignedLong(hex.substring(16), 16));
        });
    }

    /** The root's {@code type} attribute (e.g. kvm), if any. */
    Optional<String> type() {
        String type = document.getDocumentElement().getAttribute("type");
        return type.isEmpty() ? Optional.empty() : Optional.of(type);
    }

    /** The text of a direct child of the root's direct child, e.g. {@code target/path} of a pool. */
    Optional<String> grandchildText(String child, String grandchild) {
        return firstChild(document.getDocumentElement(), child).flatMap(c -> firstChild(c, grandchild))
                .map(Node::getTextContent).map(String::trim);
    }

    /** The document with a {@code <uuid>} after {@code <name>} when it had none (libvirt stores the one it generates). */
    String withUuid(UUID uuid) {
        if (childText("uuid").isPresent()) {
            return serialize();
        }
        Element root = document.getDocumentElement();
        Element element = document.createElementNS(root.getNamespaceURI(), "uuid");
        element.setTextContent(uuid.toString());
        Node after = firstChild(root, "name").map(Node::getNextSibling).orElse(root.getFirstChild());
        root.insertBefore(element, after);
        return serialize();
    }

    /** The document with the root's {@code id} attribute set, as libvirt shows a running domain. */
    String withId(int id) {
        document.getDocumentElement().setAttribute("id", Integer.toString(id));
        return serialize();
    }

    private Optional<String> childText(String name) {
        return firstChild(document.getDocumentElement(), name).map(Node::getTextContent).map(String::trim);
    }

    private static Optional<Element> firstChild(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(element.getLocalName() == null ? element.getTagName()
                    : element.getLocalName())) {
                return Optional.of(element);
            }
        }
        return Optional.empty();
    }

    private String serialize() {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot serialize a parsed document", e);
        }
    }
}
