package org.virtxml.lint;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The values libvirt's grammar allows, by element path (without indices) and attribute or text:
 * the table {@code value-vocabulary.tsv} derived from the RELAX NG schemas of the libvirt version
 * it names (see the test tool {@code ValueTable}). Thread-safe; read once, each path's lines parsed
 * when that path is first asked for.
 */
final class ValueVocabulary {

    /** What one attribute (or an element's text) may hold: any of its alternatives. */
    record Allowed(List<Alternative> alternatives) {

        private static final Pattern SPACES = Pattern.compile("\\s+");

        boolean accepts(String value) {
            String stripped = value.strip();
            String collapsed = stripped.indexOf(' ') < 0 && stripped.indexOf('\t') < 0 && stripped.indexOf('\n') < 0
                    ? stripped
                    : SPACES.matcher(stripped).replaceAll(" ");
            boolean same = collapsed.equals(value);
            for (Alternative a : alternatives) {
                if (a.accepts(collapsed) || !same && a.accepts(value)) {
                    return true;
                }
            }
            return false;
        }

        /** The literal values allowed (empty for a pattern or range). */
        List<String> literals() {
            return alternatives.stream()
                    .map(Alternative::literal)
                    .filter(l -> l != null && !l.isEmpty())
                    .toList();
        }

        /** How the grammar's alternatives read to a user: a few values, the ranges and patterns. */
        String describe() {
            List<String> parts = new ArrayList<>();
            List<String> literals = literals();
            if (!literals.isEmpty()) {
                parts.add(
                        literals.size() <= 24
                                ? "one of " + String.join(", ", literals)
                                : "one of " + literals.size() + " values");
            }
            alternatives.stream()
                    .filter(a -> a.literal() == null)
                    .map(Alternative::describe)
                    .distinct()
                    .forEach(parts::add);
            return String.join("; or ", parts);
        }
    }

    /** One alternative: a literal, a pattern, or an integer within bounds (whose text may also have to match a pattern). */
    record Alternative(String literal, GrammarPattern pattern, boolean integer, BigInteger min, BigInteger max) {

        boolean accepts(String v) {
            if (literal != null) {
                return literal.equals(v);
            }
            if (integer && !inRange(v)) {
                return false;
            }
            return pattern == null || pattern.matches(v);
        }

        /** Whether {@code v} is an integer ({@code [+-]?[0-9]+}) within the bounds. */
        private boolean inRange(String v) {
            int start = v.startsWith("+") || v.startsWith("-") ? 1 : 0;
            if (v.length() == start) {
                return false;
            }
            for (int i = start; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c < '0' || c > '9') {
                    return false;
                }
            }
            if (v.length() - start <= 18 && fitsLong(min) && fitsLong(max)) {
                // the usual case: a short number and bounds within a long, compared without BigInteger
                long n = Long.parseLong(v);
                return (min == null || n >= min.longValue()) && (max == null || n <= max.longValue());
            }
            BigInteger n = new BigInteger(start == 1 && v.charAt(0) == '+' ? v.substring(1) : v);
            return (min == null || n.compareTo(min) >= 0) && (max == null || n.compareTo(max) <= 0);
        }

        private static boolean fitsLong(BigInteger bound) {
            return bound == null || bound.bitLength() < 64;
        }

        String describe() {
            if (integer) {
                String range = min == null && max == null
                        ? "an integer"
                        : max == null
                                ? "an integer from " + min
                                : min == null ? "an integer up to " + max : "an integer from " + min + " to " + max;
                return pattern == null ? range : range + " matching " + pattern.source();
            }
            return "text matching " + pattern.source();
        }

        /** One alternative as the table writes it; {@code patterns} shares the patterns of one table. */
        static Alternative parse(String s, Map<String, GrammarPattern> patterns) {
            if (s.startsWith("=")) {
                return new Alternative(s.substring(1), null, false, null, null);
            }
            if (s.startsWith("~")) {
                return new Alternative(
                        null, patterns.computeIfAbsent(s.substring(1), GrammarPattern::new), false, null, null);
            }
            if (s.startsWith("i")) {
                int tilde = s.indexOf('~');
                String bounds = tilde < 0 ? s.substring(1) : s.substring(1, tilde);
                int dots = bounds.indexOf("..");
                String lo = bounds.substring(0, dots);
                String hi = bounds.substring(dots + 2);
                return new Alternative(
                        null,
                        tilde < 0 ? null : patterns.computeIfAbsent(s.substring(tilde + 1), GrammarPattern::new),
                        true,
                        lo.isEmpty() ? null : new BigInteger(lo),
                        hi.isEmpty() ? null : new BigInteger(hi));
            }
            throw new IllegalArgumentException("not a value alternative: " + s);
        }
    }

    /**
     * A pattern of the grammar, compiled the first time a value is matched against it: the table
     * names 93 and a document meets a few, so a one-file lint compiles only those. Two threads
     * may both compile one; either result is the same.
     */
    static final class GrammarPattern {
        private final String source;
        private volatile Pattern compiled;

        GrammarPattern(String source) {
            this.source = source;
        }

        String source() {
            return source;
        }

        boolean matches(String value) {
            Pattern p = compiled;
            if (p == null) {
                p = Pattern.compile(source);
                compiled = p;
            }
            return p.matcher(value).matches();
        }
    }

    private static final String RESOURCE = "value-vocabulary.tsv";
    private static final ValueVocabulary TABLE = load();

    private final String grammarVersion;
    /** The table's text: its lines are parsed when their path is first asked for. */
    private final String text;
    /** Path → the span of the table's text that holds its lines: {start of the first, end of the last}. */
    private final Map<String, int[]> spans;
    /** Path → attribute name (or {@code #text}) → what it allows, for the paths asked for so far. */
    private final Map<String, Map<String, Allowed>> byPath = new ConcurrentHashMap<>();
    /** The table's patterns, one object per source text, shared by the paths that name it. */
    private final Map<String, GrammarPattern> patterns = new ConcurrentHashMap<>();

    private ValueVocabulary(String grammarVersion, String text, Map<String, int[]> spans) {
        this.grammarVersion = grammarVersion;
        this.text = text;
        this.spans = spans;
    }

    static ValueVocabulary get() {
        return TABLE;
    }

    /** The libvirt version whose grammar the table comes from ({@code 11.3.0}). */
    String grammarVersion() {
        return grammarVersion;
    }

    /** What the grammar allows for {@code attribute} (or {@code #text}) of the element at {@code path}, if it says. */
    Optional<Allowed> allowed(String path, String attribute) {
        return Optional.ofNullable(at(path).get(attribute));
    }

    /** The attributes (and {@code #text}) the table says something about at {@code path}. */
    Map<String, Allowed> at(String path) {
        if (!spans.containsKey(path)) {
            return Map.of();
        }
        return byPath.computeIfAbsent(path, this::parse);
    }

    /** The lines of {@code path}, parsed. */
    private Map<String, Allowed> parse(String path) {
        int[] span = spans.get(path);
        Map<String, Allowed> out = new LinkedHashMap<>();
        for (int at = span[0]; at < span[1]; ) {
            int end = lineEnd(text, at);
            String line = text.substring(at, end);
            at = end + 1;
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            if (!f[0].equals(path)) {
                continue;
            }
            List<Alternative> alts = new ArrayList<>();
            for (int i = 2; i < f.length; i++) {
                alts.add(Alternative.parse(f[i], patterns));
            }
            String what = f[1].startsWith("@") ? f[1].substring(1) : f[1];
            out.put(what, new Allowed(List.copyOf(alts)));
        }
        return Map.copyOf(out);
    }

    private static int lineEnd(String text, int from) {
        int nl = text.indexOf('\n', from);
        return nl < 0 ? text.length() : nl;
    }

    /**
     * Reads the table's text and finds where each path's lines are; the lines themselves are
     * parsed when their path is first asked for (a document meets a few dozen of the 1,093 paths).
     */
    private static ValueVocabulary load() {
        try (InputStream in = ValueVocabulary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String version = "?";
            Map<String, int[]> spans = new HashMap<>();
            for (int at = 0; at < text.length(); ) {
                int end = lineEnd(text, at);
                if (text.startsWith("# grammar ", at)) {
                    version = text.substring(at + "# grammar ".length(), end).trim();
                }
                int tab = text.indexOf('\t', at);
                if (text.charAt(at) != '#' && tab > at && tab < end) {
                    int[] span = spans.computeIfAbsent(text.substring(at, tab), k -> new int[2]);
                    if (span[1] == 0) {
                        span[0] = at;
                    }
                    span[1] = end;
                }
                at = end + 1;
            }
            return new ValueVocabulary(version, text, Map.copyOf(spans));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
