package org.virtxml.lint.validation;

import java.util.Optional;
import org.virtxml.lint.checks.Finding;
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

/**
 * A value libvirt must be able to read ({@code Uuid}, {@code UuidLeaf}, {@code MacAddress},
 * {@code CpuSet}, a {@code SizedElement}): the logic behind {@link LibvirtValue}. The value type's
 * own {@code problem()} decides, in libvirt's wording; the finding names the problem's rule when it
 * differs from {@link #rule()}, the family's main id.
 *
 * @param rule        the main rule id of the value family
 * @param attribute   the XML attribute holding the value, or null when it is the element or its text
 * @param defaultUnit for size elements: the unit of a number written without one; null = by the element's class
 * @param memory      for size elements with a {@code defaultUnit}: whether libvirt's domain memory limit applies
 * @param allowEmpty  for cpusets: whether a set selecting no CPU is acceptable
 */
public record ReadableValue(String rule, String attribute, Unit defaultUnit, boolean memory, boolean allowEmpty)
        implements FieldCheck {

    /** A value at {@code attribute} (null = the element itself or its text). */
    static ReadableValue of(String rule, String attribute) {
        return new ReadableValue(rule, attribute, null, false, false);
    }

    ReadableValue allowingEmpty(boolean allow) {
        return new ReadableValue(rule, attribute, defaultUnit, memory, allow);
    }

    @Override
    public Optional<Finding> check(Object value) {
        Optional<ValueProblem> problem = problem(value);
        if (problem.isEmpty()) {
            return Optional.empty();
        }
        ModelElement element = value instanceof ModelElement m ? m : null;
        String found = problem.get().ruleId();
        return Optional.of(new Finding(
                new Spot(element, attribute, found.equals(rule) ? null : found),
                problem.get().message()));
    }

    /** The problem libvirt has reading {@code value}, or empty (also for null and for types it does not judge). */
    Optional<ValueProblem> problem(Object value) {
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
            if (allowEmpty && p.isPresent() && p.get().ruleId().equals(ValueProblem.CPUSET_EMPTY)) {
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
            boolean limited = defaultUnit != null ? memory : SizeDefaults.memoryLimited(s.getClass());
            return limited ? size.memoryProblem(unit) : size.problem(unit);
        }
        return Optional.empty();
    }
}
