package org.virtxml.lint.validation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.virtxml.lint.checks.AllChecks;
import org.virtxml.lint.checks.Check;
import org.virtxml.lint.checks.RuleCheck;
import org.virtxml.model.ModelElement;

/** Every class-level rule of the linter, by rule id and model class. Immutable. */
public final class RuleChecks {

    private static final List<RuleCheck<?>> ALL = AllChecks.entries();
    private static final Map<String, RuleCheck<?>> BY_KEY = index();

    private RuleChecks() {}

    public static List<RuleCheck<?>> all() {
        return ALL;
    }

    @SuppressWarnings("unchecked")
    static Check<ModelElement> forKey(String key) {
        RuleCheck<?> c = BY_KEY.get(key);
        if (c == null) {
            throw new IllegalArgumentException("no check registered for " + key);
        }
        return (Check<ModelElement>) c.check();
    }

    private static Map<String, RuleCheck<?>> index() {
        Map<String, RuleCheck<?>> m = new LinkedHashMap<>();
        for (RuleCheck<?> c : ALL) {
            if (m.put(c.key(), c) != null) {
                throw new ExceptionInInitializerError("two checks for " + c.key());
            }
        }
        return Map.copyOf(m);
    }
}
