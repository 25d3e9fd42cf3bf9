package org.virtxml.io;

import java.util.ArrayDeque;
import java.util.Deque;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Removes the white-space-only text that merely indents child elements inside kept DOM content,
 * so that it is re-indented cleanly on write. Text of elements without child elements is left
 * alone. Iterative: kept content can be deep.
 */
final class FormattingWhitespace {
    private FormattingWhitespace() {}

    static void strip(Element root) {
        Deque<Element> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Element e = todo.pop();
            boolean hasElements = false;
            for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element c) {
                    hasElements = true;
                    todo.push(c);
                }
            }
            if (hasElements) {
                for (Node n = e.getFirstChild(); n != null; ) {
                    Node next = n.getNextSibling();
                    if (n.getNodeType() == Node.TEXT_NODE && n.getNodeValue().isBlank()) {
                        e.removeChild(n);
                    }
                    n = next;
                }
            }
        }
    }
}
