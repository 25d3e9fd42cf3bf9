package org.virtxml.lint.validation;

import java.util.ArrayList;
import java.util.List;
import org.virtxml.lint.checks.AllChecks;
import org.virtxml.model.SizedElement;
import org.virtxml.model.domain.DiskDriver;
import org.virtxml.model.domain.Domain;
import org.virtxml.model.domain.Mac;
import org.virtxml.model.pool.Pool;

/**
 * Every declarative field constraint of the catalogue, declared once: enumerated attributes
 * ({@link OneOfValue}) and values libvirt must be able to read ({@link ReadableValue}). The linter
 * evaluates them directly ({@link RuleDispatch}); {@link LintConstraints} hands the same table to
 * Hibernate Validator for code that validates a model through Jakarta Bean Validation.
 */
public final class FieldConstraints {

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

    /** The table, in a fixed order. */
    public static final List<FieldConstraint> ALL = table();

    private FieldConstraints() {}

    private static List<FieldConstraint> table() {
        List<FieldConstraint> t = new ArrayList<>();
        t.add(new FieldConstraint(
                Domain.class,
                "type",
                OneOfValue.of("domain-type-invalid", DOMAIN_TYPES, "type", "domain", true)
                        .withMessages("invalid domain type {value}", "missing domain type attribute")));
        t.add(new FieldConstraint(
                DiskDriver.class,
                "type",
                OneOfValue.of("disk-format-invalid", AllChecks.Values.DISK_FORMATS, "type", "driver", false)
                        .withMessages("unknown driver format value '{value}'", OneOfValue.MISSING_MESSAGE)));
        t.add(new FieldConstraint(
                Pool.class,
                "type",
                OneOfValue.of("pool-type-invalid", AllChecks.Values.POOL_TYPES, "type", "pool", true)));
        t.add(new FieldConstraint(Domain.class, "uuid", ReadableValue.of("uuid-invalid", null)));
        t.add(new FieldConstraint(Pool.class, "uuid", ReadableValue.of("uuid-invalid", null)));
        t.add(new FieldConstraint(Mac.class, "address", ReadableValue.of("mac-invalid", "address")));
        // cpusets wherever the model has one
        for (CpusetAttributes.Attribute a : CpusetAttributes.ALL) {
            t.add(new FieldConstraint(
                    a.type(),
                    a.property(),
                    ReadableValue.of("cpuset-invalid", a.attribute()).allowingEmpty(a.allowEmpty())));
        }
        // every size element through their common superclass: the unit by the element's class
        t.add(new FieldConstraint(SizedElement.class, null, ReadableValue.of("size-invalid", null)));
        return List.copyOf(t);
    }
}
