package org.virtxml.lint.checks;

import java.util.function.Consumer;
import org.virtxml.model.ModelElement;

/**
 * The logic of one class-level rule: looks at one model element (and what it contains) and
 * reports each problem found. Stateless and thread-safe.
 *
 * @param <T> the model class the rule is attached to
 */
@FunctionalInterface
public interface Check<T extends ModelElement> {

    void check(T element, Consumer<Finding> out);
}
