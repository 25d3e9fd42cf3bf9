package org.virtxml.model;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * One typed property of a model class: the XML name it binds, whether it is an attribute, and
 * whether it holds a list. Read from the generated classes' JAXB annotations.
 */
public final class ModelProperty {
    private static final ClassValue<List<ModelProperty>> CACHE = new ClassValue<>() {
        @Override
        protected List<ModelProperty> computeValue(Class<?> type) {
            return List.copyOf(scan(type));
        }
    };

    private final Field field;
    private final String xmlName;
    private final boolean attribute;
    private final boolean list;

    private ModelProperty(Field field, String xmlName, boolean attribute, boolean list) {
        this.field = field;
        this.xmlName = xmlName;
        this.attribute = attribute;
        this.list = list;
    }

    /** The typed properties of a model class, child elements in document order, then attributes. */
    public static List<ModelProperty> of(Class<? extends ModelElement> type) {
        return CACHE.get(type);
    }

    public String xmlName() {
        return xmlName;
    }

    public boolean isAttribute() {
        return attribute;
    }

    public boolean isList() {
        return list;
    }

    public String javaName() {
        return field.getName();
    }

    /** The value(s) this property holds on an element: attribute value (any type), or child elements. */
    public List<Object> values(ModelElement owner) {
        Object v;
        try {
            v = field.get(owner);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        if (v == null) {
            return List.of();
        }
        if (v instanceof Collection<?> c) {
            return new ArrayList<>(c);
        }
        return List.of(v);
    }

    private static List<ModelProperty> scan(Class<?> type) {
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> c = type; c != null && c != ModelElement.class && c != Object.class; c = c.getSuperclass()) {
            chain.add(0, c);
        }
        List<ModelProperty> elements = new ArrayList<>();
        List<ModelProperty> attributes = new ArrayList<>();
        for (Class<?> c : chain) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || Modifier.isTransient(f.getModifiers())
                        || f.isAnnotationPresent(jakarta.xml.bind.annotation.XmlTransient.class)) {
                    continue;
                }
                f.setAccessible(true);
                XmlAttribute a = f.getAnnotation(XmlAttribute.class);
                if (a != null) {
                    attributes.add(new ModelProperty(f, named(a.name(), f), true, false));
                    continue;
                }
                XmlElement e = f.getAnnotation(XmlElement.class);
                boolean list = Collection.class.isAssignableFrom(f.getType());
                if (e != null || ModelElement.class.isAssignableFrom(f.getType()) || list) {
                    elements.add(new ModelProperty(f, named(e == null ? "##default" : e.name(), f), false, list));
                }
            }
        }
        elements.addAll(attributes);
        return elements;
    }

    private static String named(String annotated, Field f) {
        return "##default".equals(annotated) ? f.getName() : annotated;
    }
}
