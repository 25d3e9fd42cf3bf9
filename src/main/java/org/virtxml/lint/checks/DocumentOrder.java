package org.virtxml.lint.checks;

import java.util.List;
import java.util.function.Consumer;
import org.virtxml.model.ModelElement;

/**
 * A check's sink that also knows the document's elements in document order, walked once by the
 * linter: the checks that look at every element of a kind under a subtree (device addresses, boot
 * orders, zPCI addresses) ask it instead of walking the tree again each.
 */
public interface DocumentOrder extends Consumer<Finding> {

    /**
     * Every element of {@code type} at or under {@code root}, in document order; null when
     * {@code root} is not an element of the document walked (the caller then walks it itself).
     */
    <T extends ModelElement> List<T> descendants(ModelElement root, Class<T> type);
}
