package org.virtxml.lint;

import java.util.Objects;

/**
 * One entry of the rule catalogue.
 *
 * @param id          stable rule id
 * @param severity    default severity
 * @param category    catalogue section
 * @param set         true for rules that look at all documents of one run together
 * @param needsHost   true for rules that run only when a host profile is given
 * @param description one-line description
 */
public record Rule(
        String id, Severity severity, RuleCategory category, boolean set, boolean needsHost, String description) {

    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(description, "description");
    }
}
