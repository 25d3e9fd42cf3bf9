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

    /** The element's typed attribute values, by identity: values are immutable, so a changed one is another object. */
    static Object[] snapshot(ModelElement e) {
        List<ModelProperty> props = of(e.getClass());
        if (props.isEmpty()) {
            return NONE;
        }
        Object[] values = new Object[props.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = props.get(i).get(e);
        }
        return values;
    }
}
