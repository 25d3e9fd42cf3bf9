package org.virtxml.dom;

import org.w3c.dom.Node;

/**
 * The identity of an element or attribute name: namespace URI (null for none) and local name.
 * Prefixes are not part of it.
 */
record ExpandedName(String namespaceUri, String localName) {

    static ExpandedName of(Node node) {
        String uri = node.getNamespaceURI();
        String local = node.getLocalName();
        if (local == null) {
            // A DOM built without namespace awareness: the node name is all there is.
            local = node.getNodeName();
        }
        return new ExpandedName(uri == null || uri.isEmpty() ? null : uri, local);
    }
}
