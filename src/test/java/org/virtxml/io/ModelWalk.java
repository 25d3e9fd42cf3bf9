package org.virtxml.io;

import java.util.ArrayList;
import java.util.List;
import org.virtxml.model.ModelElement;
import org.virtxml.model.ModelProperty;

/** Test help: every typed element of a model with the property and parent that hold it, in document order. */
public final class ModelWalk {
    private ModelWalk() {}

    /** One typed element: its parent (null for the root) and the parent's property holding it. */
    public record Node(ModelElement element, ModelElement parent, ModelProperty property) {}

    public static List<Node> nodes(ModelElement root) {
        List<Node> out = new ArrayList<>();
        walk(root, null, null, out);
        return out;
    }

    private static void walk(ModelElement e, ModelElement parent, ModelProperty via, List<Node> out) {
        out.add(new Node(e, parent, via));
        for (ModelProperty p : ModelProperty.of(e.getClass())) {
            if (!p.isAttribute()) {
                for (Object v : p.values(e)) {
                    if (v instanceof ModelElement child) {
                        walk(child, e, p, out);
                    }
                }
            }
        }
    }

    /** Removes an element from its parent through the typed property. */
    @SuppressWarnings("unchecked")
    public static void remove(Node n) {
        Object v = n.property().get(n.parent());
        if (v instanceof List<?> list) {
            ((List<Object>) list).removeIf(o -> o == n.element());
        } else {
            n.property().put(n.parent(), null);
        }
    }
}
