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
import org.hibernate.validator.engine.HibernateConstraintViolation;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.virtxml.lint.checks.AllChecks;
import org.virtxml.lint.checks.RuleCheck;
import org.virtxml.lint.checks.Spot;
import org.virtxml.model.ModelElement;
import org.virtxml.model.SizedElement;
import org.virtxml.model.domain.DiskDriver;
import org.virtxml.model.domain.Domain;
import org.virtxml.model.domain.Mac;
import org.virtxml.model.pool.Pool;

/**
 * The linter's Jakarta Bean Validation setup: Hibernate Validator with a programmatic constraint
 * mapping over the generated model classes (which carry no constraint annotations), the
 * parameter-only message interpolator (no expression language: user values never get evaluated),
 * and every field and class rule of the catalogue. Building it takes a while (Hibernate Validator
 * bootstrap), so the linter builds it once; the result is immutable and thread-safe.
 */
public final class LintConstraints {

    /** libvirt's virDomainVirt values (domain_conf.c), which the C parser accepts. */
    public static final List<String> DOMAIN_TYPES = List.of(
            "none",
            "qemu",
            "kqemu",
            "kvm",
            "xen",
            "lxc",
            "uml",
            "openvz",
            "test",
            "vmware",
            "hyperv",
            "vbox",
            "phyp",
            "parallels",
            "bhyve",
            "vz",
            "hvf");

    private final Validator validator;
    private final Set<Class<?>> constrained;

    private LintConstraints(Validator validator, Set<Class<?>> constrained) {
        this.validator = validator;
        this.constrained = Set.copyOf(constrained);
    }

    /** Bootstraps Hibernate Validator with the linter's mapping (its version banner kept quiet). */
    public static LintConstraints create() {
        return VersionBanner.quiet(LintConstraints::bootstrap);
    }

    private static LintConstraints bootstrap() {
        HibernateValidatorConfiguration cfg = Validation.byProvider(HibernateValidator.class)
                .configure()
                .ignoreXmlConfiguration()
                .messageInterpolator(new ParameterMessageInterpolator());
        Mapping m = new Mapping(cfg.createConstraintMapping());
        Set<Class<?>> constrained = new LinkedHashSet<>();
        fieldRules(m, constrained);
        valueRules(m, constrained);
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

    private static void fieldRules(Mapping m, Set<Class<?>> constrained) {
        m.type(Domain.class)
                .getter("type")
                .constraint(oneOf("domain-type-invalid", DOMAIN_TYPES, "type", "domain", true)
                        .message("invalid domain type {value}")
                        .param("missingMessage", "missing domain type attribute"));
        m.type(DiskDriver.class)
                .getter("type")
                .constraint(oneOf("disk-format-invalid", AllChecks.Values.DISK_FORMATS, "type", "driver", false)
                        .message("unknown driver format value '{value}'"));
        m.type(Pool.class)
                .getter("type")
                .constraint(oneOf("pool-type-invalid", AllChecks.Values.POOL_TYPES, "type", "pool", true));
        m.type(Domain.class).getter("uuid").constraint(value("uuid-invalid", ""));
        m.type(Pool.class).getter("uuid").constraint(value("uuid-invalid", ""));
        m.type(Mac.class).getter("address").constraint(value("mac-invalid", "address"));
        constrained.addAll(List.of(Domain.class, DiskDriver.class, Pool.class, Mac.class));
    }

    private static GenericConstraintDef<OneOf> oneOf(
            String rule, List<String> values, String attribute, String element, boolean required) {
        return new GenericConstraintDef<>(OneOf.class)
                .param("rule", rule)
                .param("values", values.toArray(String[]::new))
                .param("attribute", attribute)
                .param("element", element)
                .param("required", required);
    }

    private static GenericConstraintDef<LibvirtValue> value(String rule, String attribute) {
        return new GenericConstraintDef<>(LibvirtValue.class)
                .param("rule", rule)
                .param("attribute", attribute);
    }

    /**
     * Cpusets wherever the model has one (a getter constraint on each), and every size element
     * through one class-level constraint on their common superclass {@link SizedElement}, whose
     * validator takes the default unit from the element's class.
     */
    private static void valueRules(Mapping m, Set<Class<?>> constrained) {
        for (CpusetAttributes.Attribute a : CpusetAttributes.ALL) {
            m.type(a.type())
                    .getter(a.property())
                    .constraint(value("cpuset-invalid", a.attribute()).param("allowEmpty", a.allowEmpty()));
            constrained.add(a.type());
        }
        m.type(SizedElement.class).constraint(value("size-invalid", ""));
    }

    /** One programmatic mapping; each class is configured through one context (Hibernate Validator's rule). */
    private static final class Mapping {
        final ConstraintMapping mapping;
        private final java.util.Map<Class<?>, org.hibernate.validator.cfg.context.TypeConstraintMappingContext<?>>
                types = new java.util.HashMap<>();

        Mapping(ConstraintMapping mapping) {
            this.mapping = mapping;
        }

        org.hibernate.validator.cfg.context.TypeConstraintMappingContext<?> type(Class<?> c) {
            return types.computeIfAbsent(c, mapping::type);
        }
    }

    /** Whether any constraint is placed on {@code type}. */
    public boolean isConstrained(Class<?> type) {
        return constrained.contains(type) || SizedElement.class.isAssignableFrom(type);
    }

    /**
     * Builds Hibernate Validator's metadata of a model class now (it is otherwise built on the
     * first validation of an instance), so that a background thread can do it while documents are
     * read. Classes without constraints are skipped.
     */
    public void prepare(Class<? extends ModelElement> type) {
        if (isConstrained(type)) {
            validator.getConstraintsForClass(type);
        }
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
