package org.virtxml.lint;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The findings for one document of a lint run.
 *
 * @param path        the path as given, or as found under a given folder
 * @param kind        the root element of the document's kind ({@code domain}, {@code pool}, {@code network},
 *                    {@code device}, ...: {@link org.virtxml.model.DocumentKind#rootElement()}) or {@code unknown}
 * @param diagnostics the findings, in the order the linter produced them
 * @param failures    the rules that failed on this document (each also has a finding)
 */
public record FileReport(String path, String kind, List<Diagnostic> diagnostics, List<InternalFailure> failures) {

    /** The document kinds a report can name. */
    public static final Set<String> KINDS = java.util.stream.Stream.concat(
                    java.util.Arrays.stream(org.virtxml.model.DocumentKind.values())
                            .map(org.virtxml.model.DocumentKind::rootElement),
                    java.util.stream.Stream.of("unknown"))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    public FileReport {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("kind must be one of " + KINDS + ": " + kind);
        }
        diagnostics = List.copyOf(diagnostics);
        failures = List.copyOf(failures);
    }

    /** The findings of a document on which no rule failed. */
    public FileReport(String path, String kind, List<Diagnostic> diagnostics) {
        this(path, kind, diagnostics, List.of());
    }

    /** The findings at or above {@code level}. */
    public List<Diagnostic> atOrAbove(Severity level) {
        return diagnostics.stream().filter(d -> d.failsAt(level)).toList();
    }

    /** The findings below {@code level}. */
    public List<Diagnostic> below(Severity level) {
        return diagnostics.stream().filter(d -> !d.failsAt(level)).toList();
    }

    public long count(Severity severity) {
        return diagnostics.stream().filter(d -> d.severity() == severity).count();
    }
}
