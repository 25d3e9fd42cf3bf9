package org.virtxml.lint.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A class-level rule of the catalogue, attached to a model class through Hibernate Validator's
 * programmatic mapping ({@link LintConstraints}). {@link #rule()} names the rule; its logic is the
 * {@link org.virtxml.lint.checks.Check} registered for that id in {@link RuleChecks} for that id and class. Each problem becomes one violation
 * whose message is the template {@code {detail}}, filled with the finding's wording.
 */
@Documented
@Constraint(validatedBy = LibvirtRuleValidator.class)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
public @interface LibvirtRule {

    /** The rule id from the catalogue. */
    String rule();

    /** The model class the rule is attached to (with {@link #rule()} it selects the registered check). */
    Class<?> target();

    String message() default "{detail}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
