package org.virtxml.lint.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Set;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;
import org.virtxml.lint.checks.Spot;

/** Validates {@link OneOf} through {@link OneOfValue}, the logic the linter runs directly. */
public final class OneOfValidator implements ConstraintValidator<OneOf, String> {

    private OneOfValue logic;

    @Override
    public void initialize(OneOf annotation) {
        this.logic = new OneOfValue(
                annotation.rule(),
                Set.of(annotation.values()),
                annotation.attribute(),
                annotation.element(),
                annotation.required(),
                annotation.message(),
                annotation.missingMessage());
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (!logic.failed(value)) {
            return true;
        }
        HibernateConstraintValidatorContext h = context.unwrap(HibernateConstraintValidatorContext.class);
        h.disableDefaultConstraintViolation();
        h.withDynamicPayload(new Spot(null, logic.attribute(), null));
        h.addMessageParameter("attribute", logic.attribute());
        h.addMessageParameter("element", logic.element());
        h.addMessageParameter("value", value == null ? "" : value);
        h.buildConstraintViolationWithTemplate(logic.template(value)).addConstraintViolation();
        return false;
    }
}
