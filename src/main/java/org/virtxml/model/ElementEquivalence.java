package org.virtxml.model;

import org.w3c.dom.Element;

/**
 * Equality of kept DOM elements as the lossless contract reads documents: names by namespace URI,
 * attributes by value, trimmed text, same-named children in order. Delegates to
 * {@code org.virtxml.dom}, which implements that contract below the model.
 */
final class ElementEquivalence {
    private ElementEquivalence() {}

    static boolean equivalent(Element a, Element b) {
        return org.virtxml.dom.DomEquivalence.equivalent(a, b);
    }

    static int hash(Element e) {
        return org.virtxml.dom.DomEquivalence.hash(e);
    }
}
