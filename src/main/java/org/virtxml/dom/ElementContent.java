package org.virtxml.dom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/** What the lossless rules look at in one element: its attributes, its text and its children. */
final class ElementContent {

    private ElementContent() {}

    /** Attributes by expanded name, in document order; namespace declarations are left out. */
    static Map<ExpandedName, Attr> attributes(Element element) {
        NamedNodeMap all = element.getAttributes();
        Map<ExpandedName, Attr> result = new LinkedHashMap<>();
        for (int i = 0; i < all.getLength(); i++) {
            Attr attr = (Attr) all.item(i);
            if (!isNamespaceDeclaration(attr)) {
                result.put(ExpandedName.of(attr), attr);
            }
        }
        return result;
    }

    private static boolean isNamespaceDeclaration(Attr attr) {
        if (XmlPath.XMLNS_URI.equals(attr.getNamespaceURI())) {
            return true;
        }
        // Without namespace awareness the declarations look like plain attributes.
        String name = attr.getName();
        return attr.getNamespaceURI() == null && (name.equals("xmlns") || name.startsWith("xmlns:"));
    }

    /**
     * The element's text: its direct text and CDATA children joined, then trimmed. Comments and
     * processing instructions are skipped; when the element has element children, white-space-only
     * text nodes (the indentation between them) are skipped too.
     */
    static String text(Element element) {
        boolean hasElementChildren = false;
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                hasElementChildren = true;
                break;
            }
        }
        StringBuilder text = new StringBuilder();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            short type = child.getNodeType();
            if (type == Node.TEXT_NODE || type == Node.CDATA_SECTION_NODE) {
                String data = child.getNodeValue();
                if (!(hasElementChildren && type == Node.TEXT_NODE && data.isBlank())) {
                    text.append(data);
                }
            } else if (type == Node.ENTITY_REFERENCE_NODE) {
                text.append(child.getTextContent());
            }
        }
        return text.toString().strip();
    }

    /** The element children grouped by expanded name; groups in order of first appearance, members in document order. */
    static Map<ExpandedName, List<Element>> childGroups(Element element) {
        Map<ExpandedName, List<Element>> groups = new LinkedHashMap<>();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                groups.computeIfAbsent(ExpandedName.of(childElement), name -> new ArrayList<>())
                        .add(childElement);
            }
        }
        return groups;
    }

    /** A short rendering of an element for messages: its start tag, with an ellipsis when it has content. */
    static String describe(Element element) {
        StringBuilder tag = new StringBuilder("<").append(XmlPath.name(element));
        for (Attr attr : attributes(element).values()) {
            tag.append(' ')
                    .append(XmlPath.name(attr))
                    .append("=\"")
                    .append(attr.getValue())
                    .append('"');
        }
        boolean empty = element.getFirstChild() == null
                || (childGroups(element).isEmpty() && text(element).isEmpty());
        return tag.append(empty ? "/>" : ">…").toString();
    }
}
