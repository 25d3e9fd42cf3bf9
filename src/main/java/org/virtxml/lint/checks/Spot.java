package org.virtxml.lint.checks;

import org.virtxml.model.ModelElement;

/**
 * Where a finding sits: the element (null = the checked element itself), the attribute (null =
 * the element), and the rule id when it differs from the rule's own (a value family's other ids).
 * Under Bean Validation ({@code LintConstraints}) it travels as the violation's dynamic payload.
 *
 * @param element   the element carrying the problem, or null for the validated element
 * @param attribute the XML attribute name carrying the problem, or null
 * @param rule      the rule id, or null for the rule's own
 */
public record Spot(ModelElement element, String attribute, String rule) {

    public static Spot at(ModelElement element) {
        return new Spot(element, null, null);
    }

    public static Spot at(ModelElement element, String attribute) {
        return new Spot(element, attribute, null);
    }
}
