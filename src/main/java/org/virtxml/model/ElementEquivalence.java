package org.virtxml.model;

import org.w3c.dom.Element;

/**
 * Equality of kept DOM elements as the lossless contract reads documents: names by namespace URI,
 * attributes by value, trimmed text, same-named children in order. Delegates to the io layer's
 * implementation of that contract.
 */
final class ElementEquivalence {
    private ElementEquivalence() {}

    static boolean equivalent(Element a, Element b) {
        return org.virtxml.io.DomEquivalence.equivalent(a, b);
    }

    static int hash(Element e) {
        return org.virtxml.io.DomEquivalence.hash(e);
    }
}
