package org.virtxml.lint.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The formats of {@code virtxml lint --format}. */
public final class ReportFormats {

    private static final List<ReportFormat> ALL =
            List.of(new TextFormat(), new JsonFormat(), new SarifFormat(), new JunitFormat(), new GithubFormat());

    private ReportFormats() {}

    /** text, json, sarif, junit, github: in that order. */
    public static List<ReportFormat> all() {
        return ALL;
    }

    public static List<String> names() {
        List<String> names = new ArrayList<>(ALL.size());
        for (ReportFormat f : ALL) {
            names.add(f.name());
        }
        return List.copyOf(names);
    }

    /** The format named {@code name}, if any (a loop, not a stream: it runs on every lint's start). */
    public static Optional<ReportFormat> byName(String name) {
        for (ReportFormat f : ALL) {
            if (f.name().equals(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
