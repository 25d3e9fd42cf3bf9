package org.virtxml.lint.report;

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
        return ALL.stream().map(ReportFormat::name).toList();
    }

    public static Optional<ReportFormat> byName(String name) {
        return ALL.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
