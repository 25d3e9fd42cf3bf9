package org.virtxml.coverage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.virtxml.json.Json;
import org.virtxml.model.DocumentKind;

/**
 * Coverage over many documents: per kind, typed and kept occurrences; the kept paths with counts;
 * the documents that could not be read or are of no known kind, listed apart.
 */
public final class CoverageReport {
    private final Map<DocumentKind, long[]> perKind = new EnumMap<>(DocumentKind.class);
    private final Map<DocumentKind, Map<String, Long>> keptPaths = new EnumMap<>(DocumentKind.class);
    private final List<String> unreadable = new ArrayList<>();

    /** Adds one document's counts. */
    public CoverageReport add(DocumentCoverage c) {
        long[] totals = perKind.computeIfAbsent(c.kind(), k -> new long[3]);
        totals[0] += c.typed();
        totals[1] += c.kept();
        totals[2]++;
        Map<String, Long> paths = keptPaths.computeIfAbsent(c.kind(), k -> new HashMap<>());
        c.keptPaths().forEach((p, n) -> paths.merge(p, n, Long::sum));
        return this;
    }

    /** Notes a document that was not counted (unreadable, or of no known kind). */
    public CoverageReport addUnreadable(String pathAndReason) {
        unreadable.add(pathAndReason);
        return this;
    }

    public long typed(DocumentKind kind) {
        return perKind.getOrDefault(kind, new long[3])[0];
    }

    public long kept(DocumentKind kind) {
        return perKind.getOrDefault(kind, new long[3])[1];
    }

    public long documents(DocumentKind kind) {
        return perKind.getOrDefault(kind, new long[3])[2];
    }

    /** The typed share of a kind's occurrences, 0..1 (1 when there were none). */
    public double typedShare(DocumentKind kind) {
        long t = typed(kind);
        long k = kept(kind);
        return t + k == 0 ? 1.0 : (double) t / (t + k);
    }

    public List<String> unreadable() {
        return List.copyOf(unreadable);
    }

    /** Kept paths of every kind: kind, path, count; most frequent first, then by path. */
    public List<KeptPath> keptPaths() {
        List<KeptPath> out = new ArrayList<>();
        keptPaths.forEach((kind, paths) -> paths.forEach((p, n) -> out.add(new KeptPath(kind, p, n))));
        out.sort(Comparator.comparing((KeptPath k) -> k.kind().ordinal())
                .thenComparing(k -> -k.count())
                .thenComparing(KeptPath::path));
        return out;
    }

    /** A kept path with its count. */
    public record KeptPath(DocumentKind kind, String path, long count) {}

    /** Text: a table per kind, then the kept paths. */
    public void writeText(Appendable out) throws IOException {
        out.append(String.format("%-13s %9s %12s %10s %9s%n", "kind", "documents", "typed", "kept", "typed %"));
        for (DocumentKind k : perKind.keySet()) {
            out.append(String.format(
                    "%-13s %9d %12d %10d %9.3f%n",
                    k.rootElement(), documents(k), typed(k), kept(k), 100 * typedShare(k)));
        }
        List<KeptPath> kept = keptPaths();
        if (!kept.isEmpty()) {
            out.append("\nkept as-is:\n");
            for (KeptPath k : kept) {
                out.append(String.format("%8d  %s%n", k.count(), k.path()));
            }
        }
        if (!unreadable.isEmpty()) {
            out.append("\nnot counted (unreadable or of another kind):\n");
            for (String u : unreadable) {
                out.append("  ").append(org.virtxml.io.TerminalText.escape(u)).append('\n');
            }
        }
    }

    /** JSON as spec/cli.md gives it, plus {@code documents} per kind and the uncounted files. */
    public void writeJson(Appendable out) throws IOException {
        Json j = Json.to(out);
        j.beginObject().name("kinds").beginObject();
        for (DocumentKind k : perKind.keySet()) {
            j.name(k.rootElement())
                    .beginObject()
                    .member("typed", typed(k))
                    .member("kept", kept(k))
                    .member("documents", documents(k))
                    .endObject();
        }
        j.endObject().name("kept").beginArray();
        for (KeptPath k : keptPaths()) {
            j.beginObject()
                    .member("kind", k.kind().rootElement())
                    .member("path", k.path())
                    .member("count", k.count())
                    .endObject();
        }
        j.endArray().name("notCounted").beginArray();
        for (String u : unreadable) {
            j.value(u);
        }
        j.endArray().endObject();
        j.complete();
        out.append('\n');
    }
}
