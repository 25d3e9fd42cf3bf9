package org.virtxml.tools;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.virtxml.io.DocumentReadException;
import org.virtxml.io.LibvirtXml;
import org.virtxml.model.Location;
import org.virtxml.model.ModelElement;
import org.virtxml.model.ModelProperty;

/**
 * Derives libvirt's output order of child elements, per model class, from documents libvirt wrote
 * itself: for each parent, which typed child names follow which, then an order consistent with
 * the majority of those observations (ties and names never seen together in the grammar's order).
 * Only classes whose observed order differs from the grammar's are listed; a class whose children
 * libvirt wrote in both orders is marked {@code *} (the normal form keeps their order as read).
 */
public final class OutputOrderTable {
    /** The first entry of a class whose children are written in the order read (then the order for children added in code). */
    static final String AS_READ = "*";
    /** The first entry of a class libvirt writes with a start and an end tag even when it has nothing inside. */
    static final String END_TAG = "</>";

    private OutputOrderTable() {}

    /** The table as the resource holds it: one {@code class=name,name,...} line each, sorted. */
    public static String derive(List<Path> libvirtWritten) {
        Map<Class<?>, Map<String, Integer>> before = new HashMap<>();
        Map<Class<?>, int[]> emptyForms = new HashMap<>();
        for (Path f : libvirtWritten) {
            try {
                ModelElement root = LibvirtXml.defaults().read(f).root();
                observe(root, before);
                observeEmpty(
                        root, java.nio.file.Files.readAllLines(f, java.nio.charset.StandardCharsets.UTF_8), emptyForms);
            } catch (DocumentReadException e) {
                // not a kind the model reads
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        emptyForms.forEach((type, forms) -> {
            if (forms[1] > 0 && forms[0] == 0) {
                before.computeIfAbsent(type, k -> new HashMap<>());
            }
        });
        Map<String, String> lines = new TreeMap<>();
        for (Map.Entry<Class<?>, Map<String, Integer>> e : before.entrySet()) {
            @SuppressWarnings("unchecked")
            Class<? extends ModelElement> type = (Class<? extends ModelElement>) e.getKey();
            List<String> grammar = ModelProperty.of(type).stream()
                    .filter(p -> !p.isAttribute())
                    .map(ModelProperty::xmlName)
                    .distinct()
                    .toList();
            List<String> order = order(grammar, e.getValue());
            int[] forms = emptyForms.getOrDefault(type, new int[2]);
            String endTag = forms[1] > 0 && forms[0] == 0 ? END_TAG + "," : "";
            if (bothWays(e.getValue())) {
                lines.put(type.getName(), endTag + AS_READ + "," + String.join(",", order));
            } else if (!order.equals(grammar) || !endTag.isEmpty()) {
                lines.put(type.getName(), endTag + String.join(",", order));
            }
        }
        StringBuilder out = new StringBuilder(
                "# libvirt's output order of child elements where it differs from the grammar's ('*' first: written in\n"
                        + "# the order read, libvirt having written them in both orders; the names order children added in code;\n"
                        + "# '</>' first: libvirt writes the element with an end tag even when it has nothing inside);\n"
                        + "# derived by OutputOrderTable from the documents libvirt wrote in its test suite (see README)\n");
        lines.forEach((k, v) -> out.append(k).append('=').append(v).append('\n'));
        return out.toString();
    }

    private static void observe(ModelElement e, Map<Class<?>, Map<String, Integer>> before) {
        List<Object[]> children = new ArrayList<>();
        for (ModelProperty p : ModelProperty.of(e.getClass())) {
            if (p.isAttribute()) {
                continue;
            }
            for (Object v : p.values(e)) {
                if (v instanceof ModelElement child) {
                    children.add(new Object[] {p.xmlName(), child.location().orElse(new Location(1, 1)), child});
                    observe(child, before);
                }
            }
        }
        children.sort(Comparator.comparingInt((Object[] c) -> ((Location) c[1]).line())
                .thenComparingInt(c -> ((Location) c[1]).column()));
        Map<String, Integer> pairs = before.computeIfAbsent(e.getClass(), k -> new HashMap<>());
        for (int i = 1; i < children.size(); i++) {
            String a = (String) children.get(i - 1)[0];
            String b = (String) children.get(i)[0];
            if (!a.equals(b)) {
                pairs.merge(a + ">" + b, 1, Integer::sum);
            }
        }
    }

    /**
     * Counts, per class, how libvirt wrote its elements that have nothing inside (no typed or kept
     * child, no text but white space): {@code [0]} as {@code <x/>}, {@code [1]} as a start and an end tag.
     */
    private static void observeEmpty(ModelElement e, List<String> lines, Map<Class<?>, int[]> forms) {
        boolean empty = e.keptElements().isEmpty()
                && (e.getText() == null || e.getText().isBlank());
        for (ModelProperty p : ModelProperty.of(e.getClass())) {
            if (p.isAttribute()) {
                continue;
            }
            for (Object v : p.values(e)) {
                if (v instanceof ModelElement child) {
                    empty = false;
                    observeEmpty(child, lines, forms);
                }
            }
        }
        Location at = e.location().orElse(null);
        if (!empty || at == null) {
            return;
        }
        Boolean selfClosing = selfClosing(lines, at);
        if (selfClosing != null) {
            forms.computeIfAbsent(e.getClass(), k -> new int[2])[selfClosing ? 0 : 1]++;
        }
    }

    /** Whether the start tag at {@code at} ends with {@code />}; null when its end is not found. */
    private static Boolean selfClosing(List<String> lines, Location at) {
        char quote = 0;
        for (int l = at.line() - 1; l < lines.size(); l++) {
            String line = lines.get(l);
            for (int c = l == at.line() - 1 ? at.column() - 1 : 0; c < line.length(); c++) {
                char ch = line.charAt(c);
                if (quote != 0) {
                    quote = ch == quote ? 0 : quote;
                } else if (ch == '\'' || ch == '"') {
                    quote = ch;
                } else if (ch == '>') {
                    return c > 0 && line.charAt(c - 1) == '/';
                }
            }
        }
        return null;
    }

    /**
     * Whether libvirt wrote two children of the class in both orders ({@code <model>} before
     * {@code <blockers>} and after it: a repeated group of the grammar, or variants with sequences
     * of their own): no one order is libvirt's, and the normal form keeps the order read.
     */
    private static boolean bothWays(Map<String, Integer> pairs) {
        for (String pair : pairs.keySet()) {
            int gt = pair.indexOf('>');
            if (pairs.containsKey(pair.substring(gt + 1) + ">" + pair.substring(0, gt))) {
                return true;
            }
        }
        return false;
    }

    /** The grammar's names reordered so that a name seen more often before another comes first. */
    private static List<String> order(List<String> grammar, Map<String, Integer> pairs) {
        Set<String> left = new LinkedHashSet<>(grammar);
        List<String> out = new ArrayList<>();
        while (!left.isEmpty()) {
            String pick = null;
            for (String candidate : left) {
                boolean blocked = false;
                for (String other : left) {
                    if (!other.equals(candidate)
                            && pairs.getOrDefault(other + ">" + candidate, 0)
                                    > pairs.getOrDefault(candidate + ">" + other, 0)) {
                        blocked = true;
                        break;
                    }
                }
                if (!blocked) {
                    pick = candidate;
                    break;
                }
            }
            if (pick == null) {
                pick = left.iterator().next(); // a cycle in what libvirt wrote: the grammar's order decides
            }
            left.remove(pick);
            out.add(pick);
        }
        return out;
    }
}
