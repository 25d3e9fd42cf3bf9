package org.virtxml.lint.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Optional;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;
import org.virtxml.lint.checks.Spot;
import org.virtxml.model.CpuSet;
import org.virtxml.model.DataSize;
import org.virtxml.model.MacAddress;
import org.virtxml.model.ModelElement;
import org.virtxml.model.SizedElement;
import org.virtxml.model.Unit;
import org.virtxml.model.Uuid;
import org.virtxml.model.UuidLeaf;
import org.virtxml.model.ValueProblem;

/** Validates {@link LibvirtValue} through the value types' own {@code problem()}. */
public final class LibvirtValueValidator implements ConstraintValidator<LibvirtValue, Object> {

    private LibvirtValue annotation;
    private Unit defaultUnit;

    @Override
    public void initialize(LibvirtValue annotation) {
        this.annotation = annotation;
        this.defaultUnit = annotation.defaultUnit().isEmpty()
                ? null
                : Unit.lookup(annotation.defaultUnit())
                        .orElseThrow(
                                () -> new IllegalArgumentException("unknown default unit " + annotation.defaultUnit()));
    }

    @Override
    public boolean isValid(Object value, ConstraintValidatorContext context) {
        Optional<ValueProblem> problem;
        try {
            problem = problem(value);
        } catch (RuntimeException | StackOverflowError e) {
            return RuleFailure.report(e, context);
        }
        if (problem.isEmpty()) {
            return true;
        }
        HibernateConstraintValidatorContext h = context.unwrap(HibernateConstraintValidatorContext.class);
        h.disableDefaultConstraintViolation();
        ModelElement element = value instanceof ModelElement m ? m : null;
        String attribute = annotation.attribute().isEmpty() ? null : annotation.attribute();
        String rule = problem.get().ruleId();
        h.withDynamicPayload(new Spot(element, attribute, rule.equals(annotation.rule()) ? null : rule));
        h.addMessageParameter("problem", problem.get().message());
        h.buildConstraintViolationWithTemplate(annotation.message()).addConstraintViolation();
        return false;
    }

    private Optional<ValueProblem> problem(Object value) {
        if (value instanceof Uuid u) {
            return u.isEmpty() ? Optional.empty() : u.problem();
        }
        if (value instanceof UuidLeaf l) {
            Uuid u = l.uuid();
            return u == null || u.text().isEmpty() ? Optional.empty() : u.problem();
        }
        if (value instanceof MacAddress m) {
            return m.problem();
        }
        if (value instanceof CpuSet c) {
            Optional<ValueProblem> p = c.problem();
            if (annotation.allowEmpty() && p.isPresent() && p.get().ruleId().equals(ValueProblem.CPUSET_EMPTY)) {
                return Optional.empty();
            }
            return p;
        }
        if (value instanceof SizedElement s) {
            DataSize size = s.size();
            if (size == null) {
                return Optional.empty();
            }
            Unit unit = defaultUnit != null ? defaultUnit : SizeDefaults.defaultUnit(s.getClass());
            boolean memory = defaultUnit != null ? annotation.memory() : SizeDefaults.memoryLimited(s.getClass());
            return memory ? size.memoryProblem(unit) : size.problem(unit);
        }
        return Optional.empty();
    }
}
