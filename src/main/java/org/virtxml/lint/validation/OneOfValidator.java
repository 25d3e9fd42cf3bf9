package org.virtxml.lint.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Set;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;
import org.virtxml.lint.checks.Spot;

/** Validates {@link OneOf}. */
public final class OneOfValidator implements ConstraintValidator<OneOf, String> {

    private Set<String> values;
    private OneOf annotation;

    @Override
    public void initialize(OneOf annotation) {
        this.annotation = annotation;
        this.values = Set.of(annotation.values());
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null ? !annotation.required() : values.contains(value)) {
            return true;
        }
        HibernateConstraintValidatorContext h = context.unwrap(HibernateConstraintValidatorContext.class);
        h.disableDefaultConstraintViolation();
        h.withDynamicPayload(new Spot(null, annotation.attribute(), null));
        h.addMessageParameter("attribute", annotation.attribute());
        h.addMessageParameter("element", annotation.element());
        h.addMessageParameter("value", value == null ? "" : value);
        h.buildConstraintViolationWithTemplate(value == null ? annotation.missingMessage() : annotation.message())
                .addConstraintViolation();
        return false;
    }
}
