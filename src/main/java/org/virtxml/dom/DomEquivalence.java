package org.virtxml.dom;

import java.util.Objects;
import org.w3c.dom.Element;

/**
 * Equality and hash codes for DOM elements under the lossless rules, for kept foreign or unknown
 * content in model objects. Unlike {@link org.w3c.dom.Node#isEqualNode}, prefixes, attribute
 * order, indentation, comments, processing instructions and the interleaving of differently
 * named children do not count; names by namespace URI and local name, attribute values, trimmed
 * text and the order of same-named children do. {@code equivalent(a, b)} implies
 * {@code hash(a) == hash(b)}. Neither recurses, so deep trees are safe.
 */
public final class DomEquivalence {

    private DomEquivalence() {}

    /** Whether {@code a} and {@code b} are the same content under the lossless rules. Two nulls are equivalent. */
    public static boolean equivalent(Element a, Element b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        return TreeComparison.same(a, b);
    }

    /**
     * Every difference between {@code input} and {@code output} under the same rules, at most
     * {@code limit}, with a group of same-named elements that was only reordered reported once.
     */
    public static java.util.List<Loss> losses(Element input, Element output, int limit) {
        return TreeComparison.report(input, output, limit);
    }

    /** A hash code of {@code e}'s content consistent with {@link #equivalent}; 0 for null. */
    public static int hash(Element e) {
        if (e == null) {
            return 0;
        }
        return SubtreeHashes.of(Objects.requireNonNull(e)).hash(e);
    }
}
