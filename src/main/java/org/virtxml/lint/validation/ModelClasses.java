package org.virtxml.lint.validation;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import org.virtxml.model.ModelElement;

/** The model classes reachable from a root class through its typed properties. */
final class ModelClasses {

    private ModelClasses() {}

    static Set<Class<? extends ModelElement>> reachable(Class<? extends ModelElement> root) {
        Set<Class<? extends ModelElement>> seen = new LinkedHashSet<>();
        Deque<Class<? extends ModelElement>> todo = new ArrayDeque<>();
        todo.add(root);
        while (!todo.isEmpty()) {
            Class<? extends ModelElement> c = todo.poll();
            if (!seen.add(c)) {
                continue;
            }
            for (Class<?> k = c; k != null && k != ModelElement.class; k = k.getSuperclass()) {
                for (Field f : k.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers())) {
                        continue;
                    }
                    Class<? extends ModelElement> t = elementType(f);
                    if (t != null && !seen.contains(t)) {
                        todo.add(t);
                    }
                }
            }
        }
        return seen;
    }

    /** The model class a field holds (directly or as list elements), or null. */
    static Class<? extends ModelElement> elementType(Field f) {
        Class<?> t = f.getType();
        if (java.util.Collection.class.isAssignableFrom(t) && f.getGenericType() instanceof ParameterizedType p) {
            Type arg = p.getActualTypeArguments()[0];
            t = arg instanceof Class<?> c ? c : null;
        }
        if (t != null && ModelElement.class.isAssignableFrom(t) && !Modifier.isAbstract(t.getModifiers())) {
            return t.asSubclass(ModelElement.class);
        }
        return null;
    }
}
