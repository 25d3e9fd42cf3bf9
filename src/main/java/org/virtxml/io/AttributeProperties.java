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
    private static final ClassValue<List<ModelProperty>> OF = new ClassValue<>() {
        @Override
        protected List<ModelProperty> computeValue(Class<?> type) {
            return ModelClass.of(type.asSubclass(ModelElement.class)).attributeProperties();
        }
    };

    static final Object[] NONE = new Object[0];

    private AttributeProperties() {}

    static List<ModelProperty> of(Class<? extends ModelElement> type) {
        return OF.get(type);
    }

    /** The value at {@code index} of a snapshot: null past its end. */
    static Object at(Object[] snapshot, int index) {
        return index < snapshot.length ? snapshot[index] : null;
    }
}
