package org.virtxml.edit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.virtxml.json.Json;

/**
 * A readable summary of a document: ordered fields, each a text value or a list of items (disks,
 * NICs), each item itself ordered fields. Printed as text (one field a line, items indented) or JSON.
 */
public final class Summary {
    private final Map<String, Object> fields = new LinkedHashMap<>();

    /** Sets a field; a null value is left out. */
    public Summary put(String name, String value) {
        if (value != null) {
            fields.put(name, value);
        }
        return this;
    }

    /** Adds an item to a list field. */
    public Summary add(String listName, Summary item) {
        Object existing = fields.computeIfAbsent(listName, k -> new ArrayList<Summary>());
        @SuppressWarnings("unchecked")
        List<Summary> list = (List<Summary>) existing;
        list.add(item);
        return this;
    }

    /** Declares a list field, so that it shows (empty) even when nothing is added. */
    public Summary list(String listName) {
        fields.computeIfAbsent(listName, k -> new ArrayList<Summary>());
        return this;
    }

    /** A text field's value, or null. */
    public String get(String name) {
        return fields.get(name) instanceof String s ? s : null;
    }

    /** A list field's items (empty when absent). */
    @SuppressWarnings("unchecked")
    public List<Summary> items(String listName) {
        return fields.get(listName) instanceof List<?> l ? List.copyOf((List<Summary>) l) : List.of();
    }

    public String toText() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Object> f : fields.entrySet()) {
            if (f.getValue() instanceof String s) {
                sb.append(f.getKey()).append(": ").append(s).append('\n');
            } else {
                @SuppressWarnings("unchecked")
                List<Summary> items = (List<Summary>) f.getValue();
                sb.append(f.getKey()).append(": ").append(items.size()).append('\n');
                for (Summary item : items) {
                    sb.append("  -");
                    boolean first = true;
                    for (Map.Entry<String, Object> g : item.fields.entrySet()) {
                        sb.append(first ? " " : ", ")
                                .append(g.getKey())
                                .append(' ')
                                .append(g.getValue());
                        first = false;
                    }
                    sb.append('\n');
                }
            }
        }
        return sb.toString();
    }

    public String toJson() {
        StringBuilder sb = new StringBuilder();
        writeJson(Json.to(sb));
        return sb.append('\n').toString();
    }

    private void writeJson(Json json) {
        json.beginObject();
        for (Map.Entry<String, Object> f : fields.entrySet()) {
            json.name(f.getKey());
            if (f.getValue() instanceof String s) {
                json.value(s);
            } else {
                json.beginArray();
                @SuppressWarnings("unchecked")
                List<Summary> items = (List<Summary>) f.getValue();
                for (Summary item : items) {
                    item.writeJson(json);
                }
                json.endArray();
            }
        }
        json.endObject();
    }
}
