package org.virtxml.lint.validation;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.virtxml.lint.checks.Finding;
import org.virtxml.lint.checks.Spot;

/**
 * A string attribute that must be one of libvirt's enumeration values, compared exactly (as
 * libvirt's {@code virEnumFromString} does): the logic behind {@link OneOf}. The messages are
 * templates with the parameters {@code {value}}, {@code {attribute}} and {@code {element}}.
 *
 * @param rule           the rule id
 * @param values         the accepted values
 * @param attribute      the XML attribute name
 * @param element        the XML element name
 * @param required       whether an absent attribute is a problem too
 * @param message        the template for a value not accepted
 * @param missingMessage the template for an absent attribute
 */
public record OneOfValue(
        String rule,
        Set<String> values,
        String attribute,
        String element,
        boolean required,
        String message,
        String missingMessage)
        implements FieldCheck {

    /** {@link OneOf}'s default message template. */
    public static final String MESSAGE = "Invalid value for attribute '{attribute}' in element '{element}': '{value}'.";

    /** {@link OneOf}'s default template for an absent attribute. */
    public static final String MISSING_MESSAGE = "Missing required attribute '{attribute}' in element '{element}'";

    public OneOfValue {
        values = Set.copyOf(values);
    }

    /** With the default messages. */
    static OneOfValue of(String rule, List<String> values, String attribute, String element, boolean required) {
        return new OneOfValue(rule, Set.copyOf(values), attribute, element, required, MESSAGE, MISSING_MESSAGE);
    }

    OneOfValue withMessages(String message, String missingMessage) {
        return new OneOfValue(rule, values, attribute, element, required, message, missingMessage);
    }

    @Override
    public Optional<Finding> check(Object value) {
        if (!failed(value)) {
            return Optional.empty();
        }
        return Optional.of(new Finding(new Spot(null, attribute, null), message((String) value)));
    }

    /** Whether {@code value} (a string, or null when absent) breaks the constraint. */
    boolean failed(Object value) {
        return value == null ? required : !values.contains(value);
    }

    /** The template for {@code value}: {@link #message()}, or {@link #missingMessage()} when absent. */
    String template(String value) {
        return value == null ? missingMessage : message;
    }

    /** The message for {@code value}: its template with the parameters filled in, literally. */
    String message(String value) {
        String t = template(value);
        StringBuilder sb = new StringBuilder(t.length() + 32);
        int i = 0;
        while (i < t.length()) {
            int open = t.indexOf('{', i);
            int close = open < 0 ? -1 : t.indexOf('}', open);
            if (close < 0) {
                sb.append(t, i, t.length());
                break;
            }
            sb.append(t, i, open);
            sb.append(parameter(t.substring(open + 1, close), value, t.substring(open, close + 1)));
            i = close + 1;
        }
        return sb.toString();
    }

    private String parameter(String name, String value, String literal) {
        return switch (name) {
            case "attribute" -> attribute;
            case "element" -> element;
            case "value" -> value == null ? "" : value;
            default -> literal;
        };
    }
}
