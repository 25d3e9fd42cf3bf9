package org.virtxml.io;

import java.util.List;
import org.virtxml.model.ModelClass;
import org.virtxml.model.ModelElement;
import org.virtxml.model.ModelProperty;

/** A model class's typed attribute properties, in a fixed order: the order of an element's attribute snapshot. */
final class AttributeProperties {
    private static final ClassValue<List<ModelProperty>> OF = new ClassValue<>() {
        @Override
        protected List<ModelProperty> computeValue(Class<?> type) {
            return ModelClass.of(type.asSubclass(ModelElement.class)).attributeProperties();
        }
    };

    private static final Object[] NONE = new Object[0];

    private AttributeProperties() {}

    static List<ModelProperty> of(Class<? extends ModelElement> type) {
        return OF.get(type);
    }

    /**
     * The element's typed attribute values, by identity: values are immutable, so a changed one is
     * another object. Trailing absent values are left out (most declared attributes are absent):
     * read it with {@link #at}.
     */
    static Object[] snapshot(ModelElement e) {
        List<ModelProperty> props = of(e.getClass());
        int last = -1;
        for (int i = props.size() - 1; i >= 0 && last < 0; i--) {
            if (props.get(i).get(e) != null) {
                last = i;
            }
        }
        if (last < 0) {
            return NONE;
        }
        Object[] values = new Object[last + 1];
        for (int i = 0; i <= last; i++) {
            values[i] = props.get(i).get(e);
        }
        return values;
    }

    /** The value at {@code index} of a {@link #snapshot}: null past its end. */
    static Object at(Object[] snapshot, int index) {
        return index < snapshot.length ? snapshot[index] : null;
    }
}
