package org.virtxml.lint.validation;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;
import org.hibernate.validator.cfg.GenericConstraintDef;
import org.hibernate.validator.cfg.context.TypeConstraintMappingContext;
import org.hibernate.validator.engine.HibernateConstraintViolation;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.virtxml.lint.checks.RuleCheck;
import org.virtxml.lint.checks.Spot;
import org.virtxml.model.ModelElement;
import org.virtxml.model.SizedElement;

/**
 * The catalogue's rules as a Jakarta Bean Validation setup, for code that validates a model through
 * {@code jakarta.validation}: Hibernate Validator with a programmatic constraint mapping over the
 * generated model classes (which carry no constraint annotations), built from the same tables the
 * linter runs directly ({@link RuleChecks}, {@link FieldConstraints}); the parameter-only message
 * interpolator (no expression language: user values never get evaluated). The linter itself does
 * not use it (see {@link RuleDispatch}). Building it takes a while (Hibernate Validator's
 * bootstrap), so build it once; the result is immutable and thread-safe.
 *
 * <pre>{@code
 * Validator v = LintConstraints.create().validator();
 * Set<ConstraintViolation<Domain>> problems = v.validate(domain); // this element's rules, not its children's
 * }</pre>
 */
public final class LintConstraints {

    private final Validator validator;
    private final Set<Class<?>> constrained;

    private LintConstraints(Validator validator, Set<Class<?>> constrained) {
        this.validator = validator;
        this.constrained = Set.copyOf(constrained);
    }

    /** Bootstraps Hibernate Validator with the catalogue's mapping (its version banner kept quiet). */
    public static LintConstraints create() {
        return VersionBanner.quiet(LintConstraints::bootstrap);
    }

    /** The Jakarta Bean Validation validator carrying every class-level rule and field constraint of the catalogue. */
    public Validator validator() {
        return validator;
    }

    private static LintConstraints bootstrap() {
        HibernateValidatorConfiguration cfg = Validation.byProvider(HibernateValidator.class)
                .configure()
                .ignoreXmlConfiguration()
                .messageInterpolator(new ParameterMessageInterpolator());
        Mapping m = new Mapping(cfg.createConstraintMapping());
        Set<Class<?>> constrained = new LinkedHashSet<>();
        for (FieldConstraint f : FieldConstraints.ALL) {
            TypeConstraintMappingContext<?> type = m.type(f.type());
            GenericConstraintDef<?> def = definition(f.check());
            if (f.classLevel()) {
                type.constraint(def);
            } else {
                type.getter(f.property()).constraint(def);
            }
            constrained.add(f.type());
        }
        for (RuleCheck<?> c : RuleChecks.all()) {
            m.type(c.type())
                    .constraint(new GenericConstraintDef<>(LibvirtRule.class)
                            .param("rule", c.rule())
                            .param("target", c.type()));
            constrained.add(c.type());
        }
        cfg.addMapping(m.mapping);
        Validator v = cfg.buildValidatorFactory().getValidator();
        return new LintConstraints(v, constrained);
    }

    /** The annotation, with its parameters, that stands for one field constraint. */
    private static GenericConstraintDef<?> definition(FieldCheck check) {
        if (check instanceof OneOfValue o) {
            return new GenericConstraintDef<>(OneOf.class)
                    .param("rule", o.rule())
                    .param("values", o.values().stream().sorted().toArray(String[]::new))
                    .param("attribute", o.attribute())
                    .param("element", o.element())
                    .param("required", o.required())
                    .param("missingMessage", o.missingMessage())
                    .message(o.message());
        }
        ReadableValue r = (ReadableValue) check;
        GenericConstraintDef<LibvirtValue> def = new GenericConstraintDef<>(LibvirtValue.class)
                .param("rule", r.rule())
                .param("attribute", r.attribute() == null ? "" : r.attribute())
                .param("memory", r.memory())
                .param("allowEmpty", r.allowEmpty());
        return r.defaultUnit() == null
                ? def
                : def.param("defaultUnit", r.defaultUnit().spelling());
    }

    /** One programmatic mapping; each class is configured through one context (Hibernate Validator's rule). */
    private static final class Mapping {
        final ConstraintMapping mapping;
        private final java.util.Map<Class<?>, TypeConstraintMappingContext<?>> types = new java.util.HashMap<>();

        Mapping(ConstraintMapping mapping) {
            this.mapping = mapping;
        }

        TypeConstraintMappingContext<?> type(Class<?> c) {
            return types.computeIfAbsent(c, mapping::type);
        }
    }

    /** Whether any constraint is placed on {@code type}. */
    public boolean isConstrained(Class<?> type) {
        return constrained.contains(type) || SizedElement.class.isAssignableFrom(type);
    }

    /** Runs the constraints placed on this element (not on its children) and maps each violation. */
    public List<RuleViolation> validate(ModelElement element) {
        if (!isConstrained(element.getClass())) {
            return List.of();
        }
        Set<ConstraintViolation<ModelElement>> violations = validator.validate(element);
        List<RuleViolation> out = new ArrayList<>(violations.size());
        for (ConstraintViolation<ModelElement> v : violations) {
            @SuppressWarnings("unchecked")
            HibernateConstraintViolation<ModelElement> hv = v.unwrap(HibernateConstraintViolation.class);
            Spot spot = hv.getDynamicPayload(Spot.class);
            String rule = spot != null && spot.rule() != null
                    ? spot.rule()
                    : (String) v.getConstraintDescriptor().getAttributes().get("rule");
            ModelElement at = spot != null && spot.element() != null ? spot.element() : (ModelElement) v.getLeafBean();
            RuleFailure failure = hv.getDynamicPayload(RuleFailure.class);
            out.add(new RuleViolation(
                    rule,
                    v.getMessage(),
                    at,
                    spot == null ? null : spot.attribute(),
                    failure == null ? null : failure.cause()));
        }
        return out;
    }

    /**
     * One violation, mapped: rule id, interpolated message, the element carrying the problem and
     * the attribute (null = the element); {@code failure} is what the rule's check threw, or null.
     */
    public record RuleViolation(
            String rule, String message, ModelElement element, String attribute, Throwable failure) {}
}
