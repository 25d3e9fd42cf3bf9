package org.virtxml.io;

import java.util.List;
import org.virtxml.model.ModelClass;
import org.virtxml.model.ModelElement;
import org.virtxml.model.ModelProperty;

/**
 * A model class's typed attribute properties, in a fixed order: the order of an element's attribute
 * snapshot, the typed values it was read with, by identity (values are immutable, so a changed one
 * is another object), without the trailing absent ones (most declared attributes are absent): read
 * it with {@link #at}. The reader takes it as it sets the values ({@code ModelBuilder}).
 */
final class AttributeProperties {
    static final Object[] NONE = new Object[0];

    private AttributeProperties() {}

    static List<ModelProperty> of(Class<? extends ModelElement> type) {
        return ModelClass.of(type).attributeProperties(); // held by the class's bindings: no table of its own
    }

    /** The value at {@code index} of a snapshot: null past its end. */
    static Object at(Object[] snapshot, int index) {
        return index < snapshot.length ? snapshot[index] : null;
    }
}
