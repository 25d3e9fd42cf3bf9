package org.virtxml.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.xml.namespace.QName;
import org.w3c.dom.Element;

/** Value equality for the content a model element keeps as-is (text, DOM elements, attributes). */
final class KeptContent {
    private KeptContent() {}

    static boolean equal(List<Object> a, List<Object> b) {
        if (isEmpty(a) || isEmpty(b)) {
            return isEmpty(a) && isEmpty(b);
        }
        if (!Objects.equals(text(a), text(b))) {
            return false;
        }
        List<Element> ea = elements(a);
        List<Element> eb = elements(b);
        if (ea.size() != eb.size()) {
            return false;
        }
        for (int i = 0; i < ea.size(); i++) {
            if (!ElementEquivalence.equivalent(ea.get(i), eb.get(i))) {
                return false;
            }
        }
        return true;
    }

    static int hash(List<Object> content) {
        if (isEmpty(content)) {
            return 0;
        }
        int h = Objects.hashCode(text(content));
        for (Element e : elements(content)) {
            h = 31 * h + ElementEquivalence.hash(e);
        }
        return h;
    }

    static boolean equal(Map<QName, String> a, Map<QName, String> b) {
        return (a == null || a.isEmpty()) ? (b == null || b.isEmpty()) : a.equals(b);
    }

    static int hash(Map<QName, String> m) {
        return m == null || m.isEmpty() ? 0 : m.hashCode();
    }

    /** No content at all: {@code <x></x>} (an empty text piece) is the same document as {@code <x/>}. */
    private static boolean isEmpty(List<Object> l) {
        return l == null || l.stream().allMatch(o -> o instanceof String s && s.isEmpty());
    }

    private static String text(List<Object> content) {
        StringBuilder sb = new StringBuilder();
        for (Object o : content) {
            if (o instanceof String s) {
                sb.append(s);
            }
        }
        return sb.toString().trim();
    }

    private static List<Element> elements(List<Object> content) {
        return content.stream()
                .filter(Element.class::isInstance)
                .map(Element.class::cast)
                .toList();
    }
}
