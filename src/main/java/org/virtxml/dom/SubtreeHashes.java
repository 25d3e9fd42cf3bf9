package org.virtxml.dom;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Hash codes of every element of a subtree under the lossless rules, computed in one pass
 * without recursion. Equivalent elements get equal hashes: names are compared by expanded name,
 * attributes as an unordered set, text trimmed, and children as an unordered set of
 * name-groups, each group in order.
 */
final class SubtreeHashes {

    private final Map<Element, Integer> hashes;

    private SubtreeHashes(Map<Element, Integer> hashes) {
        this.hashes = hashes;
    }

    static SubtreeHashes of(Element root) {
        List<Element> preOrder = new ArrayList<>();
        Deque<Element> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            Element element = pending.pop();
            preOrder.add(element);
            for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element childElement) {
                    pending.push(childElement);
                }
            }
        }
        Map<Element, Integer> hashes = new IdentityHashMap<>(preOrder.size() * 2);
        // In reverse pre-order every element comes after all of its descendants.
        for (int i = preOrder.size() - 1; i >= 0; i--) {
            Element element = preOrder.get(i);
            hashes.put(element, ownHash(element, hashes));
        }
        return new SubtreeHashes(hashes);
    }

    int hash(Element element) {
        Integer hash = hashes.get(element);
        if (hash == null) {
            throw new IllegalArgumentException("element is not in this subtree: " + XmlPath.name(element));
        }
        return hash;
    }

    private static int ownHash(Element element, Map<Element, Integer> childHashes) {
        int attributes = 0;
        for (Map.Entry<ExpandedName, Attr> attr :
                ElementContent.attributes(element).entrySet()) {
            attributes += Objects.hash(attr.getKey(), attr.getValue().getValue());
        }
        int groups = 0;
        for (Map.Entry<ExpandedName, List<Element>> group :
                ElementContent.childGroups(element).entrySet()) {
            int ordered = 1;
            for (Element child : group.getValue()) {
                ordered = 31 * ordered + childHashes.get(child);
            }
            groups += Objects.hash(group.getKey(), ordered);
        }
        return Objects.hash(ExpandedName.of(element), attributes, ElementContent.text(element), groups);
    }
}
