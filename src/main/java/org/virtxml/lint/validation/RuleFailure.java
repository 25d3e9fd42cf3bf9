package org.virtxml.lint.validation;

import jakarta.validation.ConstraintValidatorContext;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * A constraint's check that threw, carried to the linter as the violation's dynamic payload (in
 * place of a {@link org.virtxml.lint.checks.Spot}), so that the failure becomes that rule's finding on the document and
 * the other constraints of the element still run.
 *
 * @param cause what the check threw
 */
public record RuleFailure(Throwable cause) {

    /** Reports the failure as the constraint's one violation; always false (not valid). */
    static boolean report(Throwable cause, ConstraintValidatorContext context) {
        HibernateConstraintValidatorContext h = context.unwrap(HibernateConstraintValidatorContext.class);
        h.disableDefaultConstraintViolation();
        h.withDynamicPayload(new RuleFailure(cause));
        h.addMessageParameter("detail", cause.getClass().getSimpleName());
        h.buildConstraintViolationWithTemplate("internal error: {detail}").addConstraintViolation();
        return false;
    }
}
