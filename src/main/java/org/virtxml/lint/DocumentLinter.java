package org.virtxml.lint;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.namespace.QName;
import org.virtxml.io.KeptLocations;
import org.virtxml.io.LibvirtDocument;
import org.virtxml.lint.checks.DocumentOrder;
import org.virtxml.lint.checks.Finding;
import org.virtxml.lint.checks.Spot;
import org.virtxml.lint.validation.RuleDispatch;
import org.virtxml.model.Location;
import org.virtxml.model.ModelElement;
import org.virtxml.model.ModelProperty;
import org.w3c.dom.Element;

/**
 * Lints one document that was read: walks the model once, giving every element its XPath
 * ({@link #paths}), runs the rules registered on each element's class
 * ({@link #validate}, {@link RuleDispatch}), and reports the content libvirt does not know (unknown-element,
 * unknown-attribute) with the nearest known name ({@link #vocabulary}).
 */
final class DocumentLinter {

    private final RuleDispatch dispatch;

    DocumentLinter(RuleDispatch dispatch) {
        this.dispatch = dispatch;
    }

    /**
     * The elements of one document, walked once: in document order, each with its XPath (list
     * items indexed: {@code /domain/devices/disk[2]}), its path without indexes
     * ({@code /domain/devices/disk}) and the span of its subtree in that order, by identity.
     */
    static final class Paths {
        private final Map<ModelElement, Node> nodes = new IdentityHashMap<>();
        final List<ModelElement> order = new ArrayList<>();

        /**
         * One element: its paths, and its subtree as the positions {@code [first, end)} of {@link #order}.
         * The XPath is made when first asked (most elements never are: only those a finding or a
         * fact points at), from the parent's and this element's step and index.
         */
        private static final class Node {
            private final Node parent;
            private final String step;
            private final int index;
            final String plain;
            final int first;
            int end;
            private String xpath;

            /** {@code index}: the 1-based position among the items of a list property, or 0 when not a list's. */
            Node(Node parent, String step, int index, String plain, int first) {
                this.parent = parent;
                this.step = step;
                this.index = index;
                this.plain = plain;
                this.first = first;
            }

            String xpath() {
                String x = xpath;
                if (x == null) {
                    String up = parent == null ? "" : parent.xpath();
                    x = index > 0 ? up + step + "[" + index + "]" : up + step;
                    xpath = x;
                }
                return x;
            }
        }

        /** The element's XPath, or null for an element not in the document. */
        String of(ModelElement e) {
            Node n = nodes.get(e);
            return n == null ? null : n.xpath();
        }

        /** The element's path without indexes, or null for an element not in the document. */
        String plain(ModelElement e) {
            Node n = nodes.get(e);
            return n == null ? null : n.plain;
        }

        /**
         * The element's 1-based position among the items of its list property ({@code 2} for
         * {@code /domain/devices/disk[2]}), or 0 when it is not a list's item or not in the document.
         */
        int index(ModelElement e) {
            Node n = nodes.get(e);
            return n == null ? 0 : n.index;
        }

        /** Every element of {@code type} at or under {@code root}, in document order; null when root is not in the document. */
        <T extends ModelElement> List<T> descendants(ModelElement root, Class<T> type) {
            Node n = nodes.get(root);
            if (n == null) {
                return null;
            }
            List<T> out = new ArrayList<>();
            for (int i = n.first; i < n.end; i++) {
                if (type.isInstance(order.get(i))) {
                    out.add(type.cast(order.get(i)));
                }
            }
            return out;
        }
    }

    static Paths paths(LibvirtDocument<?> doc) {
        Paths p = new Paths();
        String root = "/" + doc.kind().rootElement();
        walk(doc.root(), new Paths.Node(null, root, 0, root, 0), p);
        return p;
    }

    private static void walk(ModelElement e, Paths.Node node, Paths p) {
        p.nodes.put(e, node);
        p.order.add(e);
        List<ModelProperty> props = ModelProperty.of(e.getClass());
        for (int k = 0; k < props.size(); k++) { // by index: no iterator for each element
            ModelProperty prop = props.get(k);
            if (prop.isAttribute()) {
                continue;
            }
            Object value = prop.get(e);
            if (value instanceof List<?> values) {
                String step = "/" + prop.xmlName();
                String childPlain = node.plain + step;
                boolean indexed = prop.isList();
                for (int i = 0; i < values.size(); i++) {
                    if (values.get(i) instanceof ModelElement child) {
                        walk(child, new Paths.Node(node, step, indexed ? i + 1 : 0, childPlain, p.order.size()), p);
                    }
                }
            } else if (value instanceof ModelElement child) {
                String step = "/" + prop.xmlName();
                walk(child, new Paths.Node(node, step, 0, node.plain + step, p.order.size()), p);
            }
        }
        node.end = p.order.size();
    }

    /** The sink of one element's checks: their findings, and the document's order for the checks that ask it. */
    private static final class Sink implements DocumentOrder {
        private final Paths paths;
        final List<Finding> found = new ArrayList<>(4);

        Sink(Paths paths) {
            this.paths = paths;
        }

        @Override
        public void accept(Finding f) {
            found.add(f);
        }

        @Override
        public <T extends ModelElement> List<T> descendants(ModelElement root, Class<T> type) {
            return paths.descendants(root, type);
        }
    }

    /**
     * The findings about content libvirt does not know (unknown-element, unknown-attribute):
     * they need no rule of the catalogue's checks.
     */
    static List<Diagnostic> vocabulary(Paths paths, String file, Set<String> disabled) {
        List<Diagnostic> out = new ArrayList<>();
        for (ModelElement e : paths.order) {
            vocabulary(e, file, paths, disabled, out);
        }
        return out;
    }

    /**
     * The findings of the class-level checks and field constraints of each element, in document
     * order, turned-off rules included (the caller filters them). A check that throws becomes that
     * rule's internal-failure finding on the element (in {@code failures} too), and the element's
     * other rules still run.
     */
    List<Diagnostic> validate(Paths paths, String file, java.util.Collection<InternalFailure> failures) {
        List<Diagnostic> out = new ArrayList<>();
        Sink sink = new Sink(paths);
        List<Finding> found = sink.found;
        for (ModelElement e : paths.order) {
            List<RuleDispatch.ElementRule> rules = dispatch.of(e.getClass());
            if (rules.isEmpty() || isDomainReference(e, paths)) {
                continue;
            }
            for (RuleDispatch.ElementRule rule : rules) {
                found.clear();
                try {
                    rule.check().check(e, sink);
                } catch (RuntimeException | StackOverflowError x) {
                    InternalFailure failure = new InternalFailure(file, rule.rule(), x);
                    failures.add(failure);
                    Diagnostic where = at(rule.rule(), Severity.ERROR, "", file, paths, e, null);
                    out.add(failure.diagnostic(where.line(), where.column(), where.xpath()));
                    continue;
                }
                for (Finding f : found) {
                    Spot spot = f.spot();
                    String id = spot.rule() != null ? spot.rule() : rule.rule();
                    out.add(at(
                            id,
                            RuleCatalog.get(id).severity(),
                            f.message(),
                            file,
                            paths,
                            spot.element() != null ? spot.element() : e,
                            spot.attribute()));
                }
            }
        }
        return out;
    }

    /**
     * A snapshot's or checkpoint's {@code <domain>} that only names its domain by {@code <uuid>}
     * (libvirt's short form): not a definition, so the domain's rules do not apply to it.
     */
    private static boolean isDomainReference(ModelElement e, Paths paths) {
        return e instanceof org.virtxml.model.domain.Domain d
                && !"/domain".equals(paths.of(e))
                && d.getName() == null
                && d.getMemory() == null
                && d.getOs() == null
                && d.getDevices() == null
                && d.getType() == null;
    }

    static Diagnostic at(
            String rule,
            Severity severity,
            String message,
            String file,
            Paths paths,
            ModelElement element,
            String attribute) {
        Optional<Location> loc = attribute == null ? element.location() : element.attributeLocation(attribute);
        String xpath = paths.of(element);
        if (xpath != null && attribute != null) {
            xpath = xpath + "/@" + attribute;
        }
        return new Diagnostic(
                rule,
                severity,
                message,
                file,
                loc.map(Location::line).orElse(0),
                loc.map(Location::column).orElse(0),
                xpath);
    }

    /** Kept content in no namespace is unknown to libvirt, except what open elements ({@code <metadata>}, a snapshot's {@code <cookie>}) hold. */
    private static void vocabulary(
            ModelElement e, String file, Paths paths, Set<String> disabled, List<Diagnostic> out) {
        if (!e.hasKeptAttributes() && e.keptElements().isEmpty()) {
            return; // most elements keep nothing libvirt does not know
        }
        String plain = paths.plain(e);
        if (org.virtxml.model.OpenContent.holdsOpenContent(plain)) {
            return;
        }
        String xpath = paths.of(e);
        String element = plain.substring(plain.lastIndexOf('/') + 1);
        List<ModelProperty> props = ModelProperty.of(e.getClass());
        if (!disabled.contains("unknown-attribute") && e.hasKeptAttributes()) {
            for (QName q : e.keptAttributes().keySet()) {
                if (!q.getNamespaceURI().isEmpty()) {
                    continue;
                }
                String name = q.getLocalPart();
                List<String> known = props.stream()
                        .filter(ModelProperty::isAttribute)
                        .map(ModelProperty::xmlName)
                        .toList();
                out.add(at(
                        "unknown-attribute",
                        Severity.WARNING,
                        "unknown attribute " + name + " on <" + element + ">" + hint(name, known),
                        file,
                        paths,
                        e,
                        name));
            }
        }
        if (disabled.contains("unknown-element") || e.keptElements().isEmpty()) {
            return; // most elements keep nothing: no set of known names to build
        }
        Set<String> knownElements = new HashSet<>();
        props.stream().filter(p -> !p.isAttribute()).forEach(p -> knownElements.add(p.xmlName()));
        boolean features = xpath.equals("/domain/features");
        Map<String, Integer> index = new java.util.HashMap<>();
        for (Element k : e.keptElements()) {
            String ns = k.getNamespaceURI();
            String name = k.getLocalName() == null ? k.getTagName() : k.getLocalName();
            int i = index.merge((ns == null ? "" : ns) + "\0" + name, 1, Integer::sum);
            boolean foreign = ns != null && !ns.isEmpty();
            if (foreign && !knownElements.contains(name) || !foreign && knownElements.contains(name)) {
                continue;
            }
            // the reader gives kept elements their own position; one built in code falls back to its parent's
            Location l = KeptLocations.of(k).orElseGet(() -> e.location().orElse(null));
            if (foreign) {
                // libvirt's own name in another namespace (often an xmlns='...' on it): libvirt does not see it
                out.add(new Diagnostic(
                        "unknown-element",
                        Severity.WARNING,
                        "<" + name + "> in <" + element + "> is in namespace '" + ns
                                + "', not libvirt's: libvirt ignores it and everything in it",
                        file,
                        l == null ? 0 : l.line(),
                        l == null ? 0 : l.column(),
                        xpath + "/" + name + "[" + i + "]"));
                continue;
            }
            out.add(new Diagnostic(
                    "unknown-element",
                    features ? Severity.ERROR : Severity.WARNING,
                    "unknown element <" + name + "> in <" + element + ">" + hint(name, knownElements)
                            + (features ? "; libvirt refuses unknown features" : ""),
                    file,
                    l == null ? 0 : l.line(),
                    l == null ? 0 : l.column(),
                    xpath + "/" + name + "[" + i + "]"));
        }
    }

    private static String hint(String name, java.util.Collection<String> known) {
        return Suggestions.nearest(name, known)
                .map(s -> ", did you mean " + s + "?")
                .orElse("");
    }
}
