package org.virtxml.model;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * Deep copies of model elements: typed children, kept content and positions. Values (strings and
 * the immutable value types) are shared; DOM elements are cloned.
 */
final class ModelCopy {
    private static final ClassValue<List<Field>> FIELDS = new ClassValue<>() {
        @Override
        protected List<Field> computeValue(Class<?> type) {
            List<Field> out = new ArrayList<>();
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(f.getModifiers())) {
                        f.setAccessible(true);
                        out.add(f);
                    }
                }
            }
            return List.copyOf(out);
        }
    };

    private ModelCopy() {}

    @SuppressWarnings("unchecked")
    static <T extends ModelElement> T of(T source) {
        try {
            Constructor<?> ctor = source.getClass().getDeclaredConstructor();
            ctor.setAccessible(true);
            T copy = (T) ctor.newInstance();
            for (Field f : FIELDS.get(source.getClass())) {
                f.set(copy, value(f.get(source)));
            }
            TagLocations at = source.attachedLocations();
            copy.attachLocations(at == null ? null : new CopiedLocations(at));
            return copy;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy " + source.getClass().getName() + ": " + e, e);
        }
    }

    /** The places of the element a copy was made from: the same locations, not the reader's record of the original. */
    private record CopiedLocations(TagLocations original) implements TagLocations {
        @Override
        public Location location() {
            return original.location();
        }

        @Override
        public Location attributeLocation(String attributeName) {
            return original.attributeLocation(attributeName);
        }
    }

    private static Object value(Object v) {
        if (v instanceof ModelElement m) {
            return of(m);
        }
        if (v instanceof Element e) {
            return e.cloneNode(true);
        }
        if (v instanceof Map<?, ?> map) {
            return new LinkedHashMap<>(map);
        }
        if (v instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            for (Object o : c) {
                out.add(value(o));
            }
            return out;
        }
        return v;
    }
}
