package org.virtxml.dom;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;

/**
 * Walks two element trees side by side under the lossless rules and collects the differences,
 * with an explicit stack so that document depth is not bounded by the Java stack.
 *
 * <p>In reporting mode a same-named group whose members were only reordered is reported as one
 * {@link Loss#ORDER_CHANGED} instead of as a difference at every position.
 */
final class TreeComparison {

    private record Pair(Element input, Element output, String path) {}

    /** How many members of a reordered group an order-changed loss lists before an ellipsis. */
    private static final int ORDER_ENTRIES_SHOWN = 20;

    private final int limit;
    private final boolean detectReordering;
    private final List<Loss> losses = new ArrayList<>();
    private SubtreeHashes inputHashes;
    private SubtreeHashes outputHashes;
    private Element inputRoot;
    private Element outputRoot;

    private TreeComparison(int limit, boolean detectReordering) {
        this.limit = limit;
        this.detectReordering = detectReordering;
    }

    /** All differences, at most {@code limit}, with reordered groups reported as such. */
    static List<Loss> report(Element input, Element output, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        return new TreeComparison(limit, true).run(input, output);
    }

    /** Whether the two subtrees have no difference at all; stops at the first one. */
    static boolean same(Element a, Element b) {
        return new TreeComparison(1, false).run(a, b).isEmpty();
    }

    private List<Loss> run(Element input, Element output) {
        inputRoot = input;
        outputRoot = output;
        String rootPath = XmlPath.root(input);
        if (!ExpandedName.of(input).equals(ExpandedName.of(output))) {
            add(new Loss(rootPath, Loss.ROOT_CHANGED, XmlPath.name(input), XmlPath.name(output)));
            return List.copyOf(losses);
        }
        Deque<Pair> pending = new ArrayDeque<>();
        pending.push(new Pair(input, output, rootPath));
        while (!pending.isEmpty() && !full()) {
            Pair pair = pending.pop();
            compareAttributes(pair);
            compareText(pair);
            List<Pair> children = compareChildren(pair);
            for (int i = children.size() - 1; i >= 0; i--) {
                pending.push(children.get(i));
            }
        }
        return List.copyOf(losses);
    }

    private boolean full() {
        return losses.size() >= limit;
    }

    private void add(Loss loss) {
        if (!full()) {
            losses.add(loss);
        }
    }

    private void compareAttributes(Pair pair) {
        Map<ExpandedName, Attr> in = ElementContent.attributes(pair.input());
        Map<ExpandedName, Attr> out = ElementContent.attributes(pair.output());
        for (Map.Entry<ExpandedName, Attr> entry : in.entrySet()) {
            Attr expected = entry.getValue();
            Attr actual = out.get(entry.getKey());
            String path = XmlPath.attribute(pair.path(), expected);
            if (actual == null) {
                add(new Loss(path, Loss.ATTRIBUTE_MISSING, expected.getValue(), null));
            } else if (!expected.getValue().equals(actual.getValue())) {
                add(new Loss(path, Loss.ATTRIBUTE_CHANGED, expected.getValue(), actual.getValue()));
            }
        }
        for (Map.Entry<ExpandedName, Attr> entry : out.entrySet()) {
            if (!in.containsKey(entry.getKey())) {
                Attr added = entry.getValue();
                add(new Loss(XmlPath.attribute(pair.path(), added), Loss.ATTRIBUTE_ADDED, null, added.getValue()));
            }
        }
    }

    private void compareText(Pair pair) {
        String expected = ElementContent.text(pair.input());
        String actual = ElementContent.text(pair.output());
        if (!expected.equals(actual)) {
            add(new Loss(XmlPath.text(pair.path()), Loss.TEXT_CHANGED, expected, actual));
        }
    }

    /** Reports missing and added children and returns the pairs still to be compared, in input order. */
    private List<Pair> compareChildren(Pair pair) {
        Map<ExpandedName, List<Element>> in = ElementContent.childGroups(pair.input());
        Map<ExpandedName, List<Element>> out = ElementContent.childGroups(pair.output());
        Set<ExpandedName> names = new LinkedHashSet<>(in.keySet());
        names.addAll(out.keySet());
        List<Pair> next = new ArrayList<>();
        for (ExpandedName name : names) {
            List<Element> inGroup = in.getOrDefault(name, List.of());
            List<Element> outGroup = out.getOrDefault(name, List.of());
            if (detectReordering
                    && inGroup.size() == outGroup.size()
                    && inGroup.size() > 1
                    && reportedAsReordered(pair.path(), inGroup, outGroup)) {
                continue;
            }
            int common = Math.min(inGroup.size(), outGroup.size());
            for (int i = 0; i < common; i++) {
                Element child = inGroup.get(i);
                next.add(new Pair(child, outGroup.get(i), XmlPath.child(pair.path(), child, i + 1, inGroup.size())));
            }
            for (int i = common; i < inGroup.size(); i++) {
                Element missing = inGroup.get(i);
                add(new Loss(
                        XmlPath.child(pair.path(), missing, i + 1, inGroup.size()),
                        Loss.ELEMENT_MISSING,
                        ElementContent.describe(missing),
                        null));
            }
            for (int i = common; i < outGroup.size(); i++) {
                Element added = outGroup.get(i);
                add(new Loss(
                        XmlPath.child(pair.path(), added, i + 1, outGroup.size()),
                        Loss.ELEMENT_ADDED,
                        null,
                        ElementContent.describe(added)));
            }
        }
        return next;
    }

    /**
     * When the output group holds exactly the input group's members in another order, reports one
     * {@link Loss#ORDER_CHANGED} and returns true. Returns false when the groups differ in content
     * (or do not differ at all), leaving the comparison position by position to the caller.
     */
    private boolean reportedAsReordered(String parentPath, List<Element> inGroup, List<Element> outGroup) {
        if (inputHashes == null) {
            inputHashes = SubtreeHashes.of(inputRoot);
            outputHashes = SubtreeHashes.of(outputRoot);
        }
        int size = inGroup.size();
        boolean sameSequence = true;
        for (int i = 0; i < size && sameSequence; i++) {
            sameSequence = inputHashes.hash(inGroup.get(i)) == outputHashes.hash(outGroup.get(i));
        }
        if (sameSequence) {
            return false;
        }
        Map<Integer, List<Integer>> inputIndexesByHash = new HashMap<>();
        for (int i = 0; i < size; i++) {
            inputIndexesByHash
                    .computeIfAbsent(inputHashes.hash(inGroup.get(i)), hash -> new ArrayList<>())
                    .add(i);
        }
        int[] inputIndexAt = new int[size];
        boolean[] used = new boolean[size];
        for (int j = 0; j < size; j++) {
            Element out = outGroup.get(j);
            int match = -1;
            for (int i : inputIndexesByHash.getOrDefault(outputHashes.hash(out), List.of())) {
                if (!used[i] && same(inGroup.get(i), out)) {
                    match = i;
                    break;
                }
            }
            if (match < 0) {
                return false;
            }
            used[match] = true;
            inputIndexAt[j] = match;
        }
        boolean identity = true;
        for (int j = 0; j < size; j++) {
            identity &= inputIndexAt[j] == j;
        }
        if (identity) {
            return false;
        }
        String step = XmlPath.name(inGroup.get(0));
        StringJoiner expected = new StringJoiner(", ");
        StringJoiner actual = new StringJoiner(", ");
        for (int j = 0; j < Math.min(size, ORDER_ENTRIES_SHOWN); j++) {
            expected.add(step + "[" + (j + 1) + "]");
            actual.add(step + "[" + (inputIndexAt[j] + 1) + "]");
        }
        if (size > ORDER_ENTRIES_SHOWN) {
            expected.add("…");
            actual.add("…");
        }
        add(new Loss(parentPath + "/" + step, Loss.ORDER_CHANGED, expected.toString(), actual.toString()));
        return true;
    }
}
