package org.virtxml.lint.checks;

import org.virtxml.model.ModelElement;

/**
 * Where a finding sits and what it says, carried from a constraint validator to the linter as the
 * violation's dynamic payload: the element (null = the validated element itself), the attribute
 * (null = the element), and the rule id when it differs from the constraint's own.
 *
 * @param element   the element carrying the problem, or null for the validated element
 * @param attribute the XML attribute name carrying the problem, or null
 * @param rule      the rule id, or null for the constraint's {@code rule()}
 */
public record Spot(ModelElement element, String attribute, String rule) {

    public static Spot at(ModelElement element) {
        return new Spot(element, null, null);
    }

    public static Spot at(ModelElement element, String attribute) {
        return new Spot(element, attribute, null);
    }
}
