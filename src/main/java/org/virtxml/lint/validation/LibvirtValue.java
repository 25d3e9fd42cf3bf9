package org.virtxml.lint.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A value libvirt must be able to read: a {@code Uuid}, {@code UuidLeaf}, {@code MacAddress},
 * {@code CpuSet} or a size element ({@code SizedElement}). The value type's own {@code problem()}
 * decides, in libvirt's wording; the rule is the one that problem names ({@code uuid-invalid},
 * {@code mac-multicast}, {@code size-overflow}, ...), {@link #rule()} being the family's main id.
 * The message is the template {@code {problem}} interpolated with the problem's text, which quotes
 * the offending value.
 */
@Documented
@Constraint(validatedBy = LibvirtValueValidator.class)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
public @interface LibvirtValue {

    /** The main rule id of the value family (e.g. {@code cpuset-invalid}). */
    String rule();

    /** The XML attribute holding the value; empty when it is the element itself or its text. */
    String attribute() default "";

    /**
     * For size elements: the unit libvirt assumes when none is written ({@code KiB}, {@code bytes},
     * ...); empty (the default) = the element's own, by its class, which also decides
     * {@link #memory()} (one constraint on {@code SizedElement} then covers every size element).
     */
    String defaultUnit() default "";

    /** For size elements with an explicit {@link #defaultUnit()}: apply libvirt's domain memory limit (below 2^53 KiB). */
    boolean memory() default false;

    /** For cpusets: whether a set selecting no CPU is acceptable. */
    boolean allowEmpty() default false;

    String message() default "{problem}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
