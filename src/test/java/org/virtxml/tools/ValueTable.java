package org.virtxml.tools;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.w3c.dom.Element;

/**
 * Derives lint's table of allowed values (value-invalid) from libvirt's RELAX NG grammars: for
 * every element path a document kind can have (indices dropped, {@code /domain/devices/disk}), each
 * attribute, and the text of elements without child elements, the union of what every pattern
 * the grammar allows there accepts: literal values, regular expressions, integer ranges. A value
 * is listed only when every alternative is constrained (one free-text alternative drops it), so
 * the table never says more than the grammar. Values of the model's own types (UUID, MAC, cpuset)
 * are left to their own rules. Paths stop where the grammar recurses.
 *
 * <p>Lines: {@code path TAB @attribute|#text TAB alternative (TAB alternative)*}, an alternative
 * being {@code =literal}, {@code ~regex}, or {@code iMIN..MAX} optionally followed by
 * {@code ~regex} (an integer within bounds, empty for unbounded, whose text also matches).
 */
public final class ValueTable {

    /** Defines whose values have rules of their own (uuid-invalid, mac-invalid, cpuset-invalid). */
    private static final Set<String> OWN_RULES = Set.of("UUID", "uniMacAddr", "macAddr", "multicastMacAddr", "cpuset");

    private static final Map<String, BigInteger[]> INTEGER_TYPES = Map.ofEntries(
            Map.entry("byte", range(-128, 127)),
            Map.entry("unsignedByte", range(0, 255)),
            Map.entry("short", range(-32768, 32767)),
            Map.entry("unsignedShort", range(0, 65535)),
            Map.entry("int", range(Integer.MIN_VALUE, Integer.MAX_VALUE)),
            Map.entry("unsignedInt", range(0, 4294967295L)),
            Map.entry("long", range(Long.MIN_VALUE, Long.MAX_VALUE)),
            Map.entry(
                    "unsignedLong",
                    new BigInteger[] {BigInteger.ZERO, BigInteger.TWO.pow(64).subtract(BigInteger.ONE)}),
            Map.entry("integer", new BigInteger[] {null, null}),
            Map.entry("nonNegativeInteger", new BigInteger[] {BigInteger.ZERO, null}),
            Map.entry("positiveInteger", new BigInteger[] {BigInteger.ONE, null}));

    private static final int MAX_DEPTH = 24;

    /**
     * Places whose values libvirt's parser tolerates although its grammar does not: the protocol
     * attributes of an nwfilter rule (an unreadable one is dropped, the filter defined; libvirt's
     * own {@code *-test-invalid} nwfilter tests pass that way).
     */
    private static final List<String> TOLERATED = List.of("/filter/rule/");

    /**
     * Attributes whose values libvirt's parser takes beyond its grammar (a typo of {@code yes} read
     * as "not yes", a number outside the grammar's range read as it is), found by defining mutants
     * of libvirt-accepted guests in libvirt 9.0's test driver (README, "Vocabulary and capability
     * checks"): not judged. Keys are {@code path TAB @attribute}, as regular expressions.
     */
    private static final List<Pattern> LENIENT = java.util.stream.Stream.of(
                    "/domain/vcpu\t@current",
                    "/domain/sysinfo/[a-zA-Z]+/entry\t@name",
                    "/domain/devices/audio\t@id",
                    "/domain/devices/controller/driver/iothreads/iothread(/queue)?\t@id",
                    "/domain/devices/disk/driver\t@queues",
                    "/domain/devices/disk/source\t@namespace",
                    "/domain/devices/disk/source/readahead\t@size",
                    "/domain/devices/disk/target\t@rotation_rate",
                    "/domain/devices/filesystem/driver\t@queue",
                    "/domain/devices/filesystem/idmap/(uid|gid)\t@(start|target|count)",
                    "/domain/devices/graphics\t@(autoport|port|tlsPort|websocket)",
                    "/domain/devices/(hostdev|interface)\t@managed",
                    "/domain/devices/interface/bandwidth/(inbound|outbound)\t@(average|peak|burst|floor)",
                    "/domain/devices/memballoon/stats\t@period",
                    "/domain/devices/tpm/backend\t@debug",
                    "/domain/devices/video/model\t@primary")
            .map(Pattern::compile)
            .toList();

    /**
     * Places where libvirt's parser accepts more than its grammar says, with what the parser
     * accepts: {@code <bios rebootTimeout>} is a {@code short} from -1 in the grammar, while the
     * parser takes -1 to 65535 ("invalid value for rebootTimeout, must be in range [-1,65535]").
     */
    private static final Map<String, List<String>> PARSER_WIDER =
            Map.of("/domain/os/bios\t@rebootTimeout", List.of("i-1..65535"));

    private final RngGrammar grammar;
    private final Map<Element, Integer> ids = new IdentityHashMap<>();
    private final Map<String, Set<String>> lines = new TreeMap<>();
    private final Set<String> unconstrained = new HashSet<>();

    private ValueTable(RngGrammar grammar) {
        this.grammar = grammar;
    }

    /** The table's text for every kind of {@link SchemaGenerator#KINDS}, from the grammars in {@code rngDir}. */
    public static String derive(Path rngDir, String libvirtVersion) throws IOException {
        StringBuilder out = new StringBuilder("# values libvirt " + libvirtVersion
                + "'s grammar allows, by element path; derived by ValueTable from its RELAX NG schemas (see README)\n"
                + "# grammar " + libvirtVersion + "\n");
        for (SchemaGenerator.Kind kind : SchemaGenerator.KINDS) {
            ValueTable t = new ValueTable(RngGrammar.load(rngDir.resolve(kind.rngFile())));
            t.walkRoot(kind.rootElement());
            t.lines.forEach((key, alts) -> {
                if (!t.unconstrained.contains(key)
                        && TOLERATED.stream().noneMatch(key::startsWith)
                        && LENIENT.stream().noneMatch(p -> p.matcher(key).matches())) {
                    out.append(key)
                            .append('\t')
                            .append(String.join("\t", PARSER_WIDER.getOrDefault(key, List.copyOf(alts))))
                            .append('\n');
                }
            });
        }
        return out.toString();
    }

    private static BigInteger[] range(long min, long max) {
        return new BigInteger[] {BigInteger.valueOf(min), BigInteger.valueOf(max)};
    }

    // ---- what one element holds --------------------------------------------------------

    private static final class Content {
        final Map<String, List<Element>> attributes = new LinkedHashMap<>();
        final Map<String, Set<Element>> children = new LinkedHashMap<>();
        final List<Element> text = new ArrayList<>();
        boolean opaque;
    }

    private void gather(Element pattern, Content c, Set<String> refs) {
        switch (pattern.getLocalName()) {
            case "element" -> {
                String name = plainName(pattern);
                if (name != null && RngVocabulary.inheritedNs(pattern).isEmpty()) {
                    ids.putIfAbsent(pattern, ids.size());
                    c.children.computeIfAbsent(name, k -> new LinkedHashSet<>()).add(pattern);
                } else {
                    c.opaque = true;
                }
            }
            case "attribute" -> {
                String name = plainName(pattern);
                if (name != null && pattern.getAttribute("ns").isEmpty()) {
                    c.attributes.computeIfAbsent(name, k -> new ArrayList<>()).add(pattern);
                }
            }
            case "text", "data", "value", "list" -> c.text.add(pattern);
            case "mixed" -> {
                c.opaque = true;
                RngGrammar.children(pattern).forEach(ch -> gather(ch, c, refs));
            }
            case "ref" -> {
                String name = pattern.getAttribute("name");
                if (OWN_RULES.contains(name)) {
                    c.opaque = true;
                } else if (refs.add(name)) {
                    for (Element body : grammar.define(name)) {
                        RngGrammar.children(body).forEach(ch -> gather(ch, c, refs));
                    }
                    refs.remove(name);
                }
            }
            case "choice", "group", "interleave", "optional", "zeroOrMore", "oneOrMore" ->
                RngGrammar.children(pattern).forEach(ch -> gather(ch, c, refs));
            case "empty", "notAllowed" -> {}
            default -> c.opaque = true; // parentRef, externalRef, a nested grammar
        }
    }

    // ---- the walk ------------------------------------------------------------------------

    private void walkRoot(String rootName) {
        Content start = new Content();
        for (Element s : grammar.starts()) {
            RngGrammar.children(s).forEach(ch -> gather(ch, start, new HashSet<>()));
        }
        Set<Element> root = start.children.get(rootName);
        if (root == null) {
            throw new IllegalStateException("grammar has no root element " + rootName);
        }
        walk("/" + rootName, root, new ArrayList<>());
    }

    private void walk(String path, Set<Element> nodes, List<String> ancestors) {
        String key = key(nodes);
        if (ancestors.contains(key) || ancestors.size() > MAX_DEPTH) {
            return; // the grammar recurses (a backing store's backing store): say nothing below
        }
        Content c = new Content();
        for (Element n : nodes) {
            RngGrammar.children(n).forEach(ch -> gather(ch, c, new HashSet<>()));
        }
        c.attributes.forEach((name, patterns) -> {
            String k = path + "\t@" + name;
            for (Element p : patterns) {
                record(
                        k,
                        RngGrammar.children(p).stream()
                                .filter(ch -> !isNameClass(ch))
                                .toList());
            }
        });
        if (c.children.isEmpty() && !c.opaque && !c.text.isEmpty()) {
            record(path + "\t#text", c.text);
        }
        List<String> below = new ArrayList<>(ancestors);
        below.add(key);
        c.children.forEach((name, set) -> walk(path + "/" + name, set, below));
    }

    private String key(Set<Element> nodes) {
        List<Integer> list = new ArrayList<>();
        for (Element n : nodes) {
            list.add(ids.computeIfAbsent(n, k -> ids.size()));
        }
        list.sort(null);
        return list.toString();
    }

    private void record(String key, List<Element> valuePatterns) {
        Set<String> alts = lines.computeIfAbsent(key, k -> new LinkedHashSet<>());
        if (valuePatterns.isEmpty()) {
            unconstrained.add(key); // <attribute name="x"/>: any text
            return;
        }
        for (Element v : valuePatterns) {
            if (!alternatives(v, alts, new HashSet<>())) {
                unconstrained.add(key);
            }
        }
    }

    /** Adds what the value pattern accepts; false when it accepts free text (or what the table cannot say). */
    private boolean alternatives(Element v, Set<String> out, Set<String> refs) {
        switch (v.getLocalName()) {
            case "value" -> {
                out.add("=" + v.getTextContent().trim().replaceAll("\\s+", " "));
                return true;
            }
            case "data" -> {
                return data(v, out);
            }
            case "choice" -> {
                boolean all = true;
                for (Element ch : RngGrammar.children(v)) {
                    all &= alternatives(ch, out, refs);
                }
                return all;
            }
            case "ref" -> {
                String name = v.getAttribute("name");
                if (OWN_RULES.contains(name) || !refs.add(name)) {
                    return false;
                }
                boolean all = true;
                for (Element body : grammar.define(name)) {
                    List<Element> kids = RngGrammar.children(body);
                    if (kids.size() != 1) {
                        return false;
                    }
                    all &= alternatives(kids.get(0), out, refs);
                }
                return all;
            }
            case "empty" -> {
                out.add("=");
                return true;
            }
            case "notAllowed" -> {
                return true;
            }
            default -> {
                return false; // text, list, group: free or structured text
            }
        }
    }

    private static boolean data(Element d, Set<String> out) {
        String type = d.getAttribute("type");
        List<String> patterns = new ArrayList<>();
        BigInteger min = null;
        BigInteger max = null;
        BigInteger[] bounds = INTEGER_TYPES.get(type);
        if (bounds != null) {
            min = bounds[0];
            max = bounds[1];
        }
        for (Element p : RngGrammar.children(d)) {
            if (!"param".equals(p.getLocalName())) {
                continue; // except: the table may only say less than the grammar
            }
            String value = p.getTextContent().trim();
            switch (p.getAttribute("name")) {
                case "pattern" -> patterns.add(p.getTextContent());
                case "minInclusive" -> min = new BigInteger(value);
                case "maxInclusive" -> max = new BigInteger(value);
                case "minExclusive" -> min = new BigInteger(value).add(BigInteger.ONE);
                case "maxExclusive" -> max = new BigInteger(value).subtract(BigInteger.ONE);
                default -> {} // lengths: left to the grammar check
            }
        }
        if (patterns.size() > 1) {
            return false;
        }
        String regex = patterns.isEmpty() ? null : javaRegex(patterns.get(0));
        if (!patterns.isEmpty() && regex == null) {
            return false;
        }
        if (bounds != null) {
            out.add("i" + (min == null ? "" : min) + ".." + (max == null ? "" : max)
                    + (regex == null ? "" : "~" + regex));
            return true;
        }
        if (regex != null && ("string".equals(type) || "token".equals(type))) {
            out.add("~" + regex);
            return true;
        }
        return false; // double, dateTime, anyURI, NCName, a bare string: not said here
    }

    /**
     * An XML Schema regular expression as a Java one: {@code ^} and {@code $} are plain characters
     * outside brackets there. Null when Java cannot compile it.
     */
    static String javaRegex(String xsd) {
        StringBuilder sb = new StringBuilder();
        boolean inClass = false;
        for (int i = 0; i < xsd.length(); i++) {
            char ch = xsd.charAt(i);
            if (ch == '\\' && i + 1 < xsd.length()) {
                char next = xsd.charAt(i + 1);
                if (next == 'i' || next == 'c') {
                    return null;
                }
                sb.append(ch).append(next);
                i++;
                continue;
            }
            if (ch == '\n') {
                sb.append("\\n");
                continue;
            }
            if (ch == '\t') {
                sb.append("\\t");
                continue;
            }
            if (!inClass && (ch == '^' || ch == '$')) {
                sb.append('\\').append(ch);
                continue;
            }
            if (ch == '[') {
                if (inClass) {
                    return null; // class subtraction
                }
                inClass = true;
            } else if (ch == ']') {
                inClass = false;
            }
            sb.append(ch);
        }
        try {
            Pattern.compile(sb.toString());
        } catch (PatternSyntaxException e) {
            return null;
        }
        return sb.toString();
    }

    private static boolean isNameClass(Element e) {
        return switch (e.getLocalName()) {
            case "name", "anyName", "nsName" -> true;
            default -> false;
        };
    }

    private static String plainName(Element pattern) {
        if (pattern.hasAttribute("name")) {
            return pattern.getAttribute("name").trim();
        }
        for (Element child : RngGrammar.children(pattern)) {
            if ("name".equals(child.getLocalName()) && child.getAttribute("ns").isEmpty()) {
                return child.getTextContent().trim();
            }
            if (isNameClass(child) || "choice".equals(child.getLocalName())) {
                return null;
            }
        }
        return null;
    }
}
