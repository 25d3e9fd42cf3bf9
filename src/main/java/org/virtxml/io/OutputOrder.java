package org.virtxml.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.virtxml.model.Location;
import org.virtxml.model.ModelClass;
import org.virtxml.model.ModelElement;
import org.virtxml.model.ModelProperty;

/**
 * libvirt's output order of child elements, where it differs from the grammar's (the generated
 * classes' property order): a table derived from the documents libvirt wrote in its test suite
 * ({@code libvirt-order.properties}). The normal form writes children in this order, or in the
 * order read where libvirt itself writes them in no fixed order; an element libvirt writes with an
 * end tag even when empty gets one.
 */
final class OutputOrder {
    /** The table's first entry for a class whose children are written in the order read. */
    private static final String AS_READ = "*";
    /** The table's first entry for a class libvirt writes with an end tag even when it has nothing inside. */
    private static final String END_TAG = "</>";

    private static final Map<String, List<String>> TABLE = load();
    private static final ClassValue<List<ModelProperty>> ORDERED = new ClassValue<>() {
        @Override
        protected List<ModelProperty> computeValue(Class<?> type) {
            List<ModelProperty> props = new ArrayList<>(
                    ModelClass.of(type.asSubclass(ModelElement.class)).properties());
            List<String> order = TABLE.get(type.getName());
            if (order != null) {
                props.sort(Comparator.comparingInt(p -> p.isAttribute() ? -1 : rank(order, p.xmlName())));
            }
            return List.copyOf(props);
        }
    };

    private static final ClassValue<List<ModelProperty>> ELEMENTS = new ClassValue<>() {
        @Override
        protected List<ModelProperty> computeValue(Class<?> type) {
            return ORDERED.get(type).stream().filter(p -> !p.isAttribute()).toList();
        }
    };

    private OutputOrder() {}

    /** A class's typed child elements alone, in libvirt's output order. */
    static List<ModelProperty> elements(ModelClass binding) {
        return ELEMENTS.get(binding.type());
    }

    /** A typed child element to write, and the property that holds it. */
    record Child(ModelProperty property, ModelElement value) {}

    /**
     * The typed child elements of {@code e} in writing order: by {@code props} (from
     * {@link #elements}); for a class libvirt writes in no fixed order (its table entry starts
     * with {@code *}: a node device's {@code <capability>} variants, a CPU mode's repeated
     * {@code <model>}/{@code <blockers>} pairs), the children read from a document in the order read,
     * then those added in code in {@code props}' order.
     */
    static List<Child> children(ModelElement e, List<ModelProperty> props) {
        List<Child> out = new ArrayList<>();
        for (ModelProperty p : props) {
            if (p.isAttribute()) {
                continue;
            }
            Object v = p.get(e);
            if (v instanceof List<?> list) {
                for (Object item : list) {
                    out.add(new Child(p, (ModelElement) item));
                }
            } else if (v != null) {
                out.add(new Child(p, (ModelElement) v));
            }
        }
        if (out.size() > 1 && marked(e.getClass(), AS_READ)) {
            out.sort(Comparator.comparing(
                    (Child c) -> c.value().location().orElse(null),
                    Comparator.nullsLast(Comparator.comparingInt(Location::line).thenComparingInt(Location::column))));
        }
        return out;
    }

    /** Whether libvirt writes the children of this class in no fixed order, so they are written as read. */
    static boolean asRead(Class<?> type) {
        return marked(type, AS_READ);
    }

    /**
     * Whether libvirt writes an element of this class that has nothing inside as a start tag and
     * an end tag on the next line ({@code <ip ...>} and {@code </ip>}), not as {@code <ip .../>}.
     */
    static boolean endTagWhenEmpty(Class<?> type) {
        return marked(type, END_TAG);
    }

    private static boolean marked(Class<?> type, String token) {
        List<String> order = TABLE.get(type.getName());
        return order != null && order.contains(token);
    }

    private static int rank(List<String> order, String name) {
        int i = order.indexOf(name);
        return i < 0 ? order.size() : i;
    }

    private static Map<String, List<String>> load() {
        Properties p = new Properties();
        try (InputStream in = OutputOrder.class.getResourceAsStream("libvirt-order.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, List<String>> table = new HashMap<>();
        for (String k : p.stringPropertyNames()) {
            table.put(k, List.of(p.getProperty(k).split(",")));
        }
        return Map.copyOf(table);
    }
}
