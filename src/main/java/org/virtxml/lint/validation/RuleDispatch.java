package org.virtxml.lint.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.virtxml.lint.checks.Check;
import org.virtxml.lint.checks.Finding;
import org.virtxml.lint.checks.RuleCheck;
import org.virtxml.model.ModelElement;
import org.virtxml.model.ModelProperty;

/**
 * The rules that apply to each model class, found once per class: the class-level checks
 * ({@link RuleChecks}) and the field constraints ({@link FieldConstraints}) registered on it or on
 * a superclass or interface. The linter runs them itself, without Bean Validation. Immutable and
 * thread-safe (the per-class lists are computed once, on first use of a class).
 */
public final class RuleDispatch {

    /**
     * One rule on one class: its id and its logic. A check reports findings whose element is null
     * for the element checked.
     *
     * @param rule  the rule id
     * @param check the logic
     */
    public record ElementRule(String rule, Check<ModelElement> check) {}

    private final List<RuleCheck<?>> checks;
    private final List<FieldConstraint> constraints;
    private final ClassValue<List<ElementRule>> byClass = new ClassValue<>() {
        @Override
        protected List<ElementRule> computeValue(Class<?> type) {
            return rulesOf(type);
        }
    };

    private RuleDispatch(List<RuleCheck<?>> checks, List<FieldConstraint> constraints) {
        this.checks = List.copyOf(checks);
        this.constraints = List.copyOf(constraints);
    }

    /** The linter's rules: every class-level check and field constraint of the catalogue. */
    public static RuleDispatch standard() {
        return Standard.INSTANCE;
    }

    private static final class Standard {
        static final RuleDispatch INSTANCE = new RuleDispatch(RuleChecks.all(), FieldConstraints.ALL);
    }

    /** The rules that apply to elements of {@code type}, in registration order (checks, then constraints). */
    public List<ElementRule> of(Class<? extends ModelElement> type) {
        return byClass.get(type);
    }

    @SuppressWarnings("unchecked")
    private List<ElementRule> rulesOf(Class<?> type) {
        List<ElementRule> out = new ArrayList<>(2);
        for (RuleCheck<?> c : checks) {
            if (c.type().isAssignableFrom(type)) {
                out.add(new ElementRule(c.rule(), (Check<ModelElement>) c.check()));
            }
        }
        for (FieldConstraint f : constraints) {
            if (f.type().isAssignableFrom(type)) {
                out.add(new ElementRule(f.check().rule(), constraintCheck(f, type.asSubclass(ModelElement.class))));
            }
        }
        return out.isEmpty() ? List.of() : List.copyOf(out);
    }

    private static Check<ModelElement> constraintCheck(FieldConstraint f, Class<? extends ModelElement> type) {
        FieldCheck logic = f.check();
        if (f.classLevel()) {
            return (e, out) -> report(logic.check(e), out);
        }
        ModelProperty p = property(type, f.property());
        return (e, out) -> report(logic.check(p.get(e)), out);
    }

    private static void report(Optional<Finding> finding, Consumer<Finding> out) {
        finding.ifPresent(out);
    }

    private static ModelProperty property(Class<? extends ModelElement> type, String name) {
        for (ModelProperty p : ModelProperty.of(type)) {
            if (p.javaName().equals(name)) {
                return p;
            }
        }
        throw new IllegalStateException("no property " + name + " on " + type.getName());
    }
}
