package org.virtxml.lint.validation;

import java.util.Objects;
import org.virtxml.model.ModelElement;

/**
 * One declarative constraint of the model: where it sits and what it checks.
 *
 * @param type     the model class (for a class-level constraint, also its subclasses)
 * @param property the Java property (getter {@code getXxx}) whose value is checked, or null for
 *                 the element itself (a class-level constraint)
 * @param check    the logic and its parameters
 */
public record FieldConstraint(Class<? extends ModelElement> type, String property, FieldCheck check) {

    public FieldConstraint {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(check, "check");
    }

    /** Whether the constraint is on the element itself rather than one of its properties. */
    public boolean classLevel() {
        return property == null;
    }
}
