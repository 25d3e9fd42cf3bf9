package org.virtxml.edit;

import java.util.ArrayList;
import java.util.List;

/** Collects the changes of one operation, in the order they were made. */
final class Changes {
    private final List<Change> list = new ArrayList<>();

    void add(String path, String description) {
        list.add(new Change(path, description));
    }

    void changed(String path, Object from, Object to) {
        list.add(new Change(path, shown(from) + " → " + shown(to)));
    }

    List<Change> list() {
        return List.copyOf(list);
    }

    static String shown(Object value) {
        return value == null ? "(none)" : value.toString();
    }
}
