package org.virtxml.lint.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A string attribute that must be one of libvirt's enumeration values (compared exactly, as
 * libvirt's {@code virEnumFromString} does). Placed on a getter through the programmatic mapping.
 * The message is interpolated with {@code {value}}, {@code {attribute}} and {@code {element}}.
 */
@Documented
@Constraint(validatedBy = OneOfValidator.class)
@Target({ElementType.METHOD, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
public @interface OneOf {

    /** The rule id from the catalogue. */
    String rule();

    /** The accepted values. */
    String[] values();

    /** The XML attribute name. */
    String attribute();

    /** The XML element name. */
    String element();

    /** Whether an absent attribute is a problem too. */
    boolean required() default false;

    String message() default "Invalid value for attribute '{attribute}' in element '{element}': '{value}'.";

    String missingMessage() default "Missing required attribute '{attribute}' in element '{element}'";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
