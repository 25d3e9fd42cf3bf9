package org.virtxml.lint.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Optional;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;
import org.virtxml.lint.checks.Finding;
import org.virtxml.model.Unit;

/** Validates {@link LibvirtValue} through {@link ReadableValue}, the logic the linter runs directly. */
public final class LibvirtValueValidator implements ConstraintValidator<LibvirtValue, Object> {

    private LibvirtValue annotation;
    private ReadableValue logic;

    @Override
    public void initialize(LibvirtValue annotation) {
        this.annotation = annotation;
        Unit defaultUnit = annotation.defaultUnit().isEmpty()
                ? null
                : Unit.lookup(annotation.defaultUnit())
                        .orElseThrow(
                                () -> new IllegalArgumentException("unknown default unit " + annotation.defaultUnit()));
        this.logic = new ReadableValue(
                annotation.rule(),
                annotation.attribute().isEmpty() ? null : annotation.attribute(),
                defaultUnit,
                annotation.memory(),
                annotation.allowEmpty());
    }

    @Override
    public boolean isValid(Object value, ConstraintValidatorContext context) {
        Optional<Finding> finding;
        try {
            finding = logic.check(value);
        } catch (RuntimeException | StackOverflowError e) {
            return RuleFailure.report(e, context);
        }
        if (finding.isEmpty()) {
            return true;
        }
        HibernateConstraintValidatorContext h = context.unwrap(HibernateConstraintValidatorContext.class);
        h.disableDefaultConstraintViolation();
        h.withDynamicPayload(finding.get().spot());
        h.addMessageParameter("problem", finding.get().message());
        h.buildConstraintViolationWithTemplate(annotation.message()).addConstraintViolation();
        return false;
    }
}
