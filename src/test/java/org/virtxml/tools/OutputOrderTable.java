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

    private OutputOrderTable() {}

    /** The table as the resource holds it: one {@code class=name,name,...} line each, sorted. */
    public static String derive(List<Path> libvirtWritten) {
        Map<Class<?>, Map<String, Integer>> before = new HashMap<>();
        for (Path f : libvirtWritten) {
            try {
                observe(LibvirtXml.defaults().read(f).root(), before);
            } catch (DocumentReadException e) {
                // not a kind the model reads
            }
        }
        Map<String, String> lines = new TreeMap<>();
        for (Map.Entry<Class<?>, Map<String, Integer>> e : before.entrySet()) {
            @SuppressWarnings("unchecked")
            Class<? extends ModelElement> type = (Class<? extends ModelElement>) e.getKey();
            List<String> grammar = ModelProperty.of(type).stream().filter(p -> !p.isAttribute()).map(ModelProperty::xmlName)
                    .distinct().toList();
            List<String> order = order(grammar, e.getValue());
            if (bothWays(e.getValue())) {
                lines.put(type.getName(), AS_READ + "," + String.join(",", order));
            } else if (!order.equals(grammar)) {
                lines.put(type.getName(), String.join(",", order));
            }
        }
        StringBuilder out = new StringBuilder("# libvirt's output order of child elements where it differs from the grammar's ('*' first: written in\n"
                + "# the order read, libvirt having written them in both orders; the names order children added in code);\n"
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
                    if (!other.equals(candidate) && pairs.getOrDefault(other + ">" + candidate, 0)
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
