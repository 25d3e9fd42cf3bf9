package org.virtxml.tools;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * What a libvirt RELAX NG grammar says each element may hold: its attributes, its child elements
 * (once or many), and whether it carries text. Element patterns that can stand under the same
 * parent with the same name are merged into one {@link ElementType} (libvirt's type-discriminated
 * unions, such as the variants of a disk {@code <source>}, become one type with every attribute
 * optional). Elements in other namespaces and wildcard elements are left out: the model keeps them
 * as found.
 */
final class RngVocabulary {

    /** A value category, chosen when every alternative of a value pattern agrees. */
    enum Category {
        STRING,
        INTEGER,
        UUID,
        MAC,
        CPUSET,
        IP,
        VLAN
    }

    static final class ElementType {
        final String elementName;
        /** The element's namespace URI; empty for libvirt's own (no-namespace) vocabulary. */
        final String namespace;

        final String key;
        final ElementType namingParent;
        /** Element names of every parent this type stands under, in discovery order. */
        final Set<String> parentNames = new LinkedHashSet<>();

        final Map<String, Category> attributes = new LinkedHashMap<>();
        final Map<String, Child> children = new LinkedHashMap<>();
        boolean text;
        Category textCategory;
        String javaName;
        /** The class of another kind this element is bound to (a snapshot's {@code <domain>}), or null. */
        String boundTo;

        ElementType(String expandedName, String key, ElementType namingParent) {
            int close = expandedName.indexOf('}');
            this.namespace = expandedName.startsWith("{") ? expandedName.substring(1, close) : "";
            this.elementName = expandedName.startsWith("{") ? expandedName.substring(close + 1) : expandedName;
            this.key = key;
            this.namingParent = namingParent;
        }

        boolean isLeaf() {
            return boundTo == null && attributes.isEmpty() && children.isEmpty();
        }
    }

    static final class Child {
        /** The child's expanded name: {@code disk}, or {@code {uri}commandline} in another namespace. */
        final String name;

        boolean many;
        ElementType type;

        Child(String name) {
            this.name = name;
        }
    }

    /** Defines whose values have a category of their own (value types of the model). */
    private static final Map<String, Category> CATEGORY_DEFINES = Map.ofEntries(
            Map.entry("UUID", Category.UUID),
            Map.entry("uniMacAddr", Category.MAC),
            Map.entry("macAddr", Category.MAC),
            Map.entry("multicastMacAddr", Category.MAC),
            Map.entry("cpuset", Category.CPUSET),
            Map.entry("ipAddr", Category.IP),
            Map.entry("ipv4Addr", Category.IP),
            Map.entry("ipv6Addr", Category.IP),
            Map.entry("vlan-id", Category.VLAN));

    private static final Set<String> INTEGER_DATATYPES = Set.of(
            "int",
            "unsignedInt",
            "long",
            "unsignedLong",
            "integer",
            "positiveInteger",
            "nonNegativeInteger",
            "short",
            "unsignedShort",
            "byte",
            "unsignedByte");

    private final RngGrammar grammar;
    /** Element name → class of another kind that such a child element is bound to. */
    private final Map<String, String> embedded;

    private final Map<Element, Integer> nodeIds = new IdentityHashMap<>();
    private final Map<Element, Content> elementContent = new IdentityHashMap<>();
    private final Map<String, Content> defineContent = new HashMap<>();
    private final Set<String> inProgress = new HashSet<>();
    private final Map<String, ElementType> types = new LinkedHashMap<>();
    private ElementType root;

    private RngVocabulary(RngGrammar grammar, Map<String, String> embedded) {
        this.grammar = grammar;
        this.embedded = embedded;
    }

    static RngVocabulary of(RngGrammar grammar, String rootName) {
        return of(grammar, rootName, Map.of());
    }

    /**
     * The vocabulary under rootName, where a child element named in {@code embedded} (a
     * snapshot's {@code <domain>}) is bound to the given class of another kind instead of being
     * typed again.
     */
    static RngVocabulary of(RngGrammar grammar, String rootName, Map<String, String> embedded) {
        RngVocabulary v = new RngVocabulary(grammar, embedded);
        v.build(rootName);
        return v;
    }

    ElementType root() {
        return root;
    }

    /** Every element type with attributes or children, root first, in discovery order. */
    List<ElementType> types() {
        return new ArrayList<>(types.values());
    }

    // ---- content of patterns ----------------------------------------------------------

    /** What one pattern contributes to the element that holds it. */
    private static final class Content {
        final Map<String, Set<Element>> childNodes = new LinkedHashMap<>();
        final Map<String, Integer> childCount = new LinkedHashMap<>();
        final Map<String, Set<Category>> attributes = new LinkedHashMap<>();
        final Set<Category> text = new LinkedHashSet<>();

        static Content empty() {
            return new Content();
        }

        /** Sequence or interleave: counts add up. */
        void addAll(Content o) {
            merge(o, true);
        }

        /** Choice: the larger count wins. */
        void chooseAll(Content o) {
            merge(o, false);
        }

        private void merge(Content o, boolean sum) {
            o.childNodes.forEach((n, s) ->
                    childNodes.computeIfAbsent(n, k -> new LinkedHashSet<>()).addAll(s));
            o.childCount.forEach((n, c) -> childCount.merge(n, c, (a, b) -> sum ? Math.min(2, a + b) : Math.max(a, b)));
            o.attributes.forEach((n, s) ->
                    attributes.computeIfAbsent(n, k -> new LinkedHashSet<>()).addAll(s));
            text.addAll(o.text);
        }

        void makeMany() {
            childCount.replaceAll((n, c) -> 2);
        }
    }

    private Content content(Element pattern) {
        Content c = Content.empty();
        switch (pattern.getLocalName()) {
            case "element" -> {
                String local = nameOf(pattern);
                if (local != null) {
                    String ns = inheritedNs(pattern);
                    String name = ns.isEmpty() ? local : "{" + ns + "}" + local;
                    nodeIds.putIfAbsent(pattern, nodeIds.size());
                    c.childNodes
                            .computeIfAbsent(name, k -> new LinkedHashSet<>())
                            .add(pattern);
                    c.childCount.put(name, 1);
                }
            }
            case "attribute" -> {
                String name = nameOf(pattern);
                if (name != null && pattern.getAttribute("ns").isEmpty()) {
                    Set<Category> cats = new LinkedHashSet<>();
                    valueCategories(pattern, cats, new HashSet<>());
                    c.attributes.put(name, cats);
                }
            }
            case "text", "data", "value", "list" -> {
                valueCategories(pattern, c.text, new HashSet<>());
                if (c.text.isEmpty()) {
                    c.text.add(Category.STRING);
                }
            }
            case "ref" -> {
                Category special = CATEGORY_DEFINES.get(pattern.getAttribute("name"));
                if (special != null) {
                    c.text.add(special); // a value of its own type as the element's text
                } else {
                    c.addAll(defineContent(pattern.getAttribute("name")));
                }
            }
            case "choice" -> {
                for (Element child : RngGrammar.children(pattern)) {
                    c.chooseAll(content(child));
                }
            }
            case "zeroOrMore", "oneOrMore" -> {
                for (Element child : RngGrammar.children(pattern)) {
                    c.addAll(content(child));
                }
                c.makeMany();
            }
            case "mixed" -> {
                for (Element child : RngGrammar.children(pattern)) {
                    c.addAll(content(child));
                }
                c.text.add(Category.STRING);
            }
            case "group", "interleave", "optional", "define", "start" -> {
                for (Element child : RngGrammar.children(pattern)) {
                    c.addAll(content(child));
                }
            }
            case "grammar" -> embeddedGrammar(pattern, c);
            default -> {} // empty, notAllowed, parentRef, externalRef, name classes
        }
        return c;
    }

    /**
     * A nested grammar (libvirt includes a whole domain into a snapshot that way): the element it
     * stands for, when that element is one bound to another kind's class.
     */
    private void embeddedGrammar(Element nested, Content c) {
        for (Element child : RngGrammar.children(nested)) {
            if ("include".equals(child.getLocalName())) {
                String href = child.getAttribute("href");
                String element = href.endsWith(".rng") ? href.substring(0, href.length() - 4) : href;
                if (embedded.containsKey(element)) {
                    nodeIds.putIfAbsent(nested, nodeIds.size());
                    c.childNodes
                            .computeIfAbsent(element, k -> new LinkedHashSet<>())
                            .add(nested);
                    c.childCount.put(element, 1);
                }
            }
        }
    }

    private Content defineContent(String name) {
        Content cached = defineContent.get(name);
        if (cached != null) {
            return cached;
        }
        if (!inProgress.add(name)) {
            return Content.empty(); // a reference cycle without an element in between
        }
        Content c = Content.empty();
        for (Element body : grammar.define(name)) {
            // defines of one name combine as alternatives (combine="choice" is libvirt's use)
            c.chooseAll(content(body));
        }
        inProgress.remove(name);
        defineContent.put(name, c);
        return c;
    }

    private Content elementContent(Element element) {
        Content c = elementContent.get(element);
        if (c == null) {
            c = Content.empty();
            for (Element child : RngGrammar.children(element)) {
                c.addAll(content(child));
            }
            elementContent.put(element, c);
        }
        return c;
    }

    private void valueCategories(Element pattern, Set<Category> out, Set<String> seen) {
        switch (pattern.getLocalName()) {
            case "data" ->
                out.add(INTEGER_DATATYPES.contains(pattern.getAttribute("type")) ? Category.INTEGER : Category.STRING);
            case "value", "text", "list" -> out.add(Category.STRING);
            case "ref" -> {
                String name = pattern.getAttribute("name");
                Category special = CATEGORY_DEFINES.get(name);
                if (special != null) {
                    out.add(special);
                } else if (seen.add(name)) {
                    for (Element body : grammar.define(name)) {
                        for (Element child : RngGrammar.children(body)) {
                            valueCategories(child, out, seen);
                        }
                    }
                }
            }
            case "name", "anyName", "nsName", "param", "except" -> {}
            default -> {
                for (Element child : RngGrammar.children(pattern)) {
                    valueCategories(child, out, seen);
                }
            }
        }
    }

    private static String nameOf(Element pattern) {
        if (pattern.hasAttribute("name")) {
            return pattern.getAttribute("name").trim();
        }
        for (Element child : RngGrammar.children(pattern)) {
            if ("name".equals(child.getLocalName())) {
                return child.getTextContent().trim();
            }
            if ("anyName".equals(child.getLocalName())
                    || "nsName".equals(child.getLocalName())
                    || "choice".equals(child.getLocalName())) {
                return null;
            }
        }
        return null;
    }

    static String inheritedNs(Element pattern) {
        for (org.w3c.dom.Node n = pattern; n instanceof Element e; n = n.getParentNode()) {
            if (e.hasAttribute("ns")) {
                return e.getAttribute("ns");
            }
        }
        return "";
    }

    static Category agree(Set<Category> cats) {
        return cats.size() == 1 ? cats.iterator().next() : Category.STRING;
    }

    // ---- types ------------------------------------------------------------------------

    private void build(String rootName) {
        Content start = Content.empty();
        for (Element s : grammar.starts()) {
            start.addAll(content(s));
        }
        Set<Element> rootNodes = start.childNodes.get(rootName);
        if (rootNodes == null) {
            throw new IllegalStateException("grammar has no root element " + rootName);
        }
        root = typeFor(rootName, rootNodes, null);
        List<ElementType> queue = new ArrayList<>(List.of(root));
        for (int i = 0; i < queue.size(); i++) {
            ElementType t = queue.get(i);
            for (Child child : t.children.values()) {
                if (child.type.isLeaf()) {
                    continue;
                }
                if (!types.containsKey(child.type.key)) {
                    types.put(child.type.key, child.type);
                    queue.add(child.type);
                }
            }
        }
        types.put(root.key, root);
        List<ElementType> ordered = new ArrayList<>(queue);
        types.clear();
        for (ElementType t : ordered) {
            types.put(t.key, t);
        }
    }

    private final Map<String, ElementType> byKey = new HashMap<>();

    private ElementType typeFor(String name, Set<Element> nodes, ElementType parent) {
        List<Integer> ids = new ArrayList<>();
        for (Element n : nodes) {
            ids.add(nodeIds.get(n));
        }
        ids.sort(null);
        String key = name + ids;
        ElementType existing = byKey.get(key);
        if (existing != null) {
            return existing;
        }
        ElementType t = new ElementType(name, key, parent);
        byKey.put(key, t);
        if (parent != null && embedded.containsKey(name)) {
            t.boundTo = embedded.get(name); // typed by the other kind's class, not again here
            return t;
        }
        Content merged = Content.empty();
        for (Element n : nodes) {
            merged.chooseAll(elementContent(n));
        }
        merged.attributes.forEach((a, cats) -> t.attributes.put(a, agree(cats)));
        t.text = !merged.text.isEmpty();
        t.textCategory = t.text ? agree(merged.text) : null;
        for (Map.Entry<String, Set<Element>> e : merged.childNodes.entrySet()) {
            Child child = new Child(e.getKey());
            child.many = merged.childCount.getOrDefault(e.getKey(), 1) > 1;
            t.children.put(e.getKey(), child);
        }
        for (Map.Entry<String, Set<Element>> e : merged.childNodes.entrySet()) {
            ElementType childType = typeFor(e.getKey(), e.getValue(), t);
            childType.parentNames.add(t.elementName);
            t.children.get(e.getKey()).type = childType;
        }
        return t;
    }
}
