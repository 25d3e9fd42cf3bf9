package org.virtxml.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A small element tree for property tests, independent of DOM, with a renderer that can rename
 * prefixes, shuffle differently-named siblings and attributes, and indent.
 */
record RandomTree(String uri, String local, List<Attribute> attributes, String text, List<RandomTree> children) {

    record Attribute(String uri, String local, String value) {}

    private static final String[] URIS = {null, null, "urn:x", "urn:y"};
    private static final String[] LOCALS = {"a", "b", "c", "disk"};
    private static final String[] VALUES = {"v1", "v2", "", "0x8", "a b", "yes"};
    private static final String[] TEXTS = {"", "", "t1", " spaced text ", "x<y&z"};

    static RandomTree generate(Random random) {
        return generate(random, 0, true);
    }

    private static RandomTree generate(Random random, int depth, boolean isRoot) {
        String uri = isRoot ? null : URIS[random.nextInt(URIS.length)];
        String local = isRoot ? "domain" : LOCALS[random.nextInt(LOCALS.length)];
        Map<String, Attribute> attributes = new LinkedHashMap<>();
        int attributeCount = (isRoot ? 1 : 0) + random.nextInt(3);
        for (int i = 0; i < attributeCount; i++) {
            String attrUri = i == 0 ? null : URIS[random.nextInt(URIS.length)];
            String attrLocal = "k" + random.nextInt(4);
            attributes.putIfAbsent(
                    attrUri + " " + attrLocal,
                    new Attribute(attrUri, attrLocal, VALUES[random.nextInt(VALUES.length)]));
        }
        List<RandomTree> children = new ArrayList<>();
        if (depth < 4) {
            int childCount = random.nextInt(depth == 0 ? 6 : 4);
            for (int i = 0; i < childCount; i++) {
                children.add(generate(random, depth + 1, false));
            }
        }
        return new RandomTree(
                uri,
                local,
                List.copyOf(attributes.values()),
                TEXTS[random.nextInt(TEXTS.length)],
                List.copyOf(children));
    }

    /** How to write a tree: which prefixes, whether to shuffle, whether to indent. */
    record Style(Map<String, String> prefixes, Random shuffle, boolean defaultNamespaces, boolean indent) {

        static Style plain() {
            return new Style(Map.of("urn:x", "x", "urn:y", "y"), null, false, false);
        }

        static Style rewritten(Random random) {
            return new Style(
                    Map.of("urn:x", "p" + random.nextInt(9), "urn:y", "q" + random.nextInt(9)), random, true, true);
        }
    }

    String render(Style style) {
        StringBuilder xml = new StringBuilder();
        render(style, xml, 0);
        return xml.toString();
    }

    private void render(Style style, StringBuilder xml, int depth) {
        boolean asDefault =
                uri != null && style.defaultNamespaces() && style.shuffle().nextBoolean();
        String qname = uri == null || asDefault ? local : style.prefixes().get(uri) + ":" + local;
        Map<String, String> declarations = new LinkedHashMap<>();
        if (uri == null) {
            declarations.put("xmlns", "");
        } else if (asDefault) {
            declarations.put("xmlns", uri);
        } else {
            declarations.put("xmlns:" + style.prefixes().get(uri), uri);
        }
        List<Attribute> ordered = new ArrayList<>(attributes);
        if (style.shuffle() != null) {
            Collections.shuffle(ordered, style.shuffle());
        }
        StringBuilder attributeText = new StringBuilder();
        for (Attribute attribute : ordered) {
            attributeText.append(' ');
            if (attribute.uri() != null) {
                String prefix = style.prefixes().get(attribute.uri());
                declarations.put("xmlns:" + prefix, attribute.uri());
                attributeText.append(prefix).append(':');
            }
            attributeText
                    .append(attribute.local())
                    .append("=\"")
                    .append(escape(attribute.value()))
                    .append('"');
        }
        xml.append('<').append(qname);
        declarations.forEach((name, value) ->
                xml.append(' ').append(name).append("=\"").append(value).append('"'));
        xml.append(attributeText);
        xml.append('>');
        xml.append(escape(text));
        for (RandomTree child : style.shuffle() == null ? children : interleaved(style.shuffle())) {
            if (style.indent()) {
                xml.append('\n').append("  ".repeat(depth + 1));
            }
            child.render(style, xml, depth + 1);
        }
        if (style.indent() && !children.isEmpty()) {
            xml.append('\n').append("  ".repeat(depth));
        }
        xml.append("</").append(qname).append('>');
    }

    /** The children in a random interleaving that keeps the order among children of one expanded name. */
    private List<RandomTree> interleaved(Random random) {
        Map<String, List<RandomTree>> groups = new LinkedHashMap<>();
        for (RandomTree child : children) {
            groups.computeIfAbsent(child.uri() + " " + child.local(), key -> new ArrayList<>())
                    .add(child);
        }
        List<List<RandomTree>> queues = new ArrayList<>(groups.values());
        List<RandomTree> result = new ArrayList<>();
        while (!queues.isEmpty()) {
            int pick = random.nextInt(queues.size());
            List<RandomTree> queue = queues.get(pick);
            result.add(queue.remove(0));
            if (queue.isEmpty()) {
                queues.remove(pick);
            }
        }
        return result;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }

    /** Every attribute of the tree with the path the plain style gives it, in document order. */
    List<Located> locatedAttributes() {
        List<Located> result = new ArrayList<>();
        collect("/" + step(1, 1), result, new ArrayList<>());
        return result;
    }

    /** An attribute and where it is: the indexes of the children leading to its element, and its path. */
    record Located(List<Integer> route, int attributeIndex, String path) {}

    private void collect(String path, List<Located> result, List<Integer> route) {
        for (int i = 0; i < attributes.size(); i++) {
            Attribute attribute = attributes.get(i);
            String name = attribute.uri() == null
                    ? attribute.local()
                    : Style.plain().prefixes().get(attribute.uri()) + ":" + attribute.local();
            result.add(new Located(List.copyOf(route), i, path + "/@" + name));
        }
        for (int i = 0; i < children.size(); i++) {
            RandomTree child = children.get(i);
            int index = 0;
            int count = 0;
            for (int j = 0; j < children.size(); j++) {
                RandomTree sibling = children.get(j);
                if (java.util.Objects.equals(sibling.uri(), child.uri())
                        && sibling.local().equals(child.local())) {
                    count++;
                    if (j <= i) {
                        index = count;
                    }
                }
            }
            route.add(i);
            child.collect(path + "/" + child.step(index, count), result, route);
            route.remove(route.size() - 1);
        }
    }

    private String step(int index, int count) {
        String name = uri == null ? local : Style.plain().prefixes().get(uri) + ":" + local;
        return count > 1 ? name + "[" + index + "]" : name;
    }

    /** A copy with the value of one attribute changed. */
    RandomTree withChangedAttribute(Located where, String newValue) {
        return withChangedAttribute(where.route(), 0, where.attributeIndex(), newValue);
    }

    private RandomTree withChangedAttribute(List<Integer> route, int level, int attributeIndex, String newValue) {
        if (level == route.size()) {
            List<Attribute> changed = new ArrayList<>(attributes);
            Attribute old = changed.get(attributeIndex);
            changed.set(attributeIndex, new Attribute(old.uri(), old.local(), newValue));
            return new RandomTree(uri, local, List.copyOf(changed), text, children);
        }
        List<RandomTree> changedChildren = new ArrayList<>(children);
        int at = route.get(level);
        changedChildren.set(at, children.get(at).withChangedAttribute(route, level + 1, attributeIndex, newValue));
        return new RandomTree(uri, local, attributes, text, List.copyOf(changedChildren));
    }
}
