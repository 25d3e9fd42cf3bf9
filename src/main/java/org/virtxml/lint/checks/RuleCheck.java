package org.virtxml.lint.checks;

import java.util.Objects;
import org.virtxml.model.ModelElement;

/**
 * One class-level rule: its id, the model class it is attached to, and its logic.
 *
 * @param rule  rule id from the catalogue (the linter refuses to start with an id it does not know)
 * @param type  the model class the rule is attached to (also its subclasses)
 * @param check the logic
 * @param <T>   the model class
 */
public record RuleCheck<T extends ModelElement>(String rule, Class<T> type, Check<T> check) {

    public RuleCheck {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(rule, "rule");
    }

    public static <T extends ModelElement> RuleCheck<T> of(String rule, Class<T> type, Check<T> check) {
        return new RuleCheck<>(rule, type, check);
    }

    /** The key of this check: rule and class (a rule may sit on several classes); Bean Validation's constraint names it. */
    public String key() {
        return key(rule, type);
    }

    /** The key of {@code rule} on {@code type}. */
    public static String key(String rule, Class<?> type) {
        return rule + "@" + type.getName();
    }
}
