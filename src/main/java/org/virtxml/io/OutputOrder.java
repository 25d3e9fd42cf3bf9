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
import org.virtxml.model.ModelClass;
import org.virtxml.model.ModelProperty;

/**
 * libvirt's output order of child elements, where it differs from the grammar's (the generated
 * classes' property order): a table derived from the documents libvirt wrote in its test suite
 * ({@code libvirt-order.properties}). The normal form writes children in this order.
 */
final class OutputOrder {
    private static final Map<String, List<String>> TABLE = load();
    private static final ClassValue<List<ModelProperty>> ORDERED = new ClassValue<>() {
        @Override
        protected List<ModelProperty> computeValue(Class<?> type) {
            List<ModelProperty> props = new ArrayList<>(ModelClass.of(type.asSubclass(org.virtxml.model.ModelElement.class)).properties());
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

    /** A class's properties with its child elements in libvirt's output order (attributes first, as they are). */
    static List<ModelProperty> properties(ModelClass binding) {
        return ORDERED.get(binding.type());
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
