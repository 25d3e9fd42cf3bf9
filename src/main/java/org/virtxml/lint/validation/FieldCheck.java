package org.virtxml.lint.validation;

import java.util.Optional;
import org.virtxml.lint.checks.Finding;

/**
 * The logic of one declarative field constraint ({@link OneOfValue}, {@link ReadableValue}),
 * shared by the linter's direct path and by the Bean Validation validators ({@link OneOfValidator},
 * {@link LibvirtValueValidator}). Immutable and thread-safe.
 */
public sealed interface FieldCheck permits OneOfValue, ReadableValue {

    /** The constraint's rule id (a finding may name another one of its family through its {@code Spot}). */
    String rule();

    /**
     * The problem of {@code value} (the property's value, or the element itself for a class-level
     * constraint), or empty. The finding's element is null when it is the validated element.
     */
    Optional<Finding> check(Object value);
}
