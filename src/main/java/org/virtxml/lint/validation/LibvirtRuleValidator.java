package org.virtxml.lint.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;
import org.virtxml.lint.checks.Check;
import org.virtxml.lint.checks.Finding;
import org.virtxml.lint.checks.RuleCheck;
import org.virtxml.model.ModelElement;

/** Runs the {@link Check} of a {@link LibvirtRule} and turns each finding into a violation. */
public final class LibvirtRuleValidator implements ConstraintValidator<LibvirtRule, ModelElement> {

    private Check<ModelElement> check;

    @Override
    public void initialize(LibvirtRule annotation) {
        check = RuleChecks.forKey(RuleCheck.key(annotation.rule(), annotation.target()));
    }

    @Override
    public boolean isValid(ModelElement element, ConstraintValidatorContext context) {
        if (element == null) {
            return true;
        }
        List<Finding> findings = new ArrayList<>(2);
        try {
            check.check(element, findings::add);
        } catch (RuntimeException | StackOverflowError e) {
            return RuleFailure.report(e, context);
        }
        return Violations.report(findings, context);
    }

    /** Shared by the validators: one violation per finding, the message as parameter {@code detail}. */
    static final class Violations {
        private Violations() {}

        static boolean report(List<Finding> findings, ConstraintValidatorContext context) {
            if (findings.isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            HibernateConstraintValidatorContext h = context.unwrap(HibernateConstraintValidatorContext.class);
            for (Finding f : findings) {
                h.withDynamicPayload(f.spot());
                h.addMessageParameter("detail", f.message());
                h.buildConstraintViolationWithTemplate("{detail}").addConstraintViolation();
            }
            return false;
        }
    }
}
