package org.virtxml.dom;

import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Builds the XPath-like locations used in {@link Loss#path()}.
 *
 * <p>Format: steps separated by {@code /} from the root, e.g.
 * {@code /domain/devices/disk[2]/source/@file}. An element step is its name, followed by a
 * 1-based index among siblings of the same expanded name when there is more than one of them.
 * Names without namespace are written as their local name; a namespaced name is written
 * {@code prefix:local} with the prefix the document uses, or {@code {uri}local} when the node has
 * no prefix (a default namespace). The text of an element is the step {@code text()}.
 */
public final class XmlPath {

    /** The namespace of {@code xmlns} declarations, which are not attributes for our purposes. */
    static final String XMLNS_URI = "http://www.w3.org/2000/xmlns/";

    private XmlPath() {}

    /** The location of the root element {@code root}. */
    public static String root(Element root) {
        return "/" + name(root);
    }

    /**
     * The location of an element below the location {@code parentPath}.
     *
     * @param index 1-based index among siblings of the same expanded name
     * @param count how many such siblings there are; the index is written only when it exceeds one
     */
    public static String child(String parentPath, Element element, int index, int count) {
        String step = name(element);
        return parentPath + "/" + (count > 1 || index > 1 ? step + "[" + index + "]" : step);
    }

    /** The location of an attribute of the element at {@code elementPath}. */
    public static String attribute(String elementPath, Attr attribute) {
        return elementPath + "/@" + name(attribute);
    }

    /** The location of the text of the element at {@code elementPath}. */
    public static String text(String elementPath) {
        return elementPath + "/text()";
    }

    /** The location of an element or attribute computed from the document itself, walking up to the root. */
    public static String of(Node node) {
        if (node instanceof Attr attr) {
            Element owner = attr.getOwnerElement();
            return owner == null ? "@" + name(attr) : attribute(of(owner), attr);
        }
        if (!(node instanceof Element element)) {
            throw new IllegalArgumentException("not an element or attribute: " + node);
        }
        StringBuilder path = new StringBuilder();
        Element current = element;
        while (current != null) {
            Node parent = current.getParentNode();
            String step;
            if (parent instanceof Element parentElement) {
                int index = 0;
                int count = 0;
                for (Node sibling = parentElement.getFirstChild();
                        sibling != null;
                        sibling = sibling.getNextSibling()) {
                    if (sibling instanceof Element other
                            && ExpandedName.of(other).equals(ExpandedName.of(current))) {
                        count++;
                        if (other == current) {
                            index = count;
                        }
                    }
                }
                step = count > 1 ? name(current) + "[" + index + "]" : name(current);
            } else {
                step = name(current);
            }
            path.insert(0, "/" + step);
            current = parent instanceof Element parentElement ? parentElement : null;
        }
        return path.toString();
    }

    /** The readable name of an element or attribute, as described in the class comment. */
    public static String name(Node node) {
        ExpandedName expanded = ExpandedName.of(node);
        if (expanded.namespaceUri() == null) {
            return expanded.localName();
        }
        String prefix = node.getPrefix();
        return prefix == null || prefix.isEmpty()
                ? "{" + expanded.namespaceUri() + "}" + expanded.localName()
                : prefix + ":" + expanded.localName();
    }
}
