package org.virtxml.lint;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The values libvirt's grammar allows, by element path (without indices) and attribute or text:
 * the table {@code value-vocabulary.tsv} derived from the RELAX NG schemas of the libvirt version
 * it names (see the test tool {@code ValueTable}). Immutable; loaded once.
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
    /** Path → attribute name (or {@code #text}) → what it allows. */
    private final Map<String, Map<String, Allowed>> byPath;

    private ValueVocabulary(String grammarVersion, Map<String, Map<String, Allowed>> byPath) {
        this.grammarVersion = grammarVersion;
        this.byPath = byPath;
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
        Map<String, Allowed> m = byPath.get(path);
        return m == null ? Optional.empty() : Optional.ofNullable(m.get(attribute));
    }

    /** The attributes (and {@code #text}) the table says something about at {@code path}. */
    Map<String, Allowed> at(String path) {
        return byPath.getOrDefault(path, Map.of());
    }

    private static ValueVocabulary load() {
        try (InputStream in = ValueVocabulary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String version = "?";
            Map<String, Map<String, Allowed>> byPath = new HashMap<>();
            Map<String, GrammarPattern> patterns = new HashMap<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("# grammar ")) {
                    version = line.substring("# grammar ".length()).trim();
                }
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t");
                List<Alternative> alts = new ArrayList<>();
                for (int i = 2; i < f.length; i++) {
                    alts.add(Alternative.parse(f[i], patterns));
                }
                String what = f[1].startsWith("@") ? f[1].substring(1) : f[1];
                byPath.computeIfAbsent(f[0], k -> new LinkedHashMap<>()).put(what, new Allowed(List.copyOf(alts)));
            }
            byPath.replaceAll((k, v) -> Map.copyOf(v));
            return new ValueVocabulary(version, Map.copyOf(byPath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
