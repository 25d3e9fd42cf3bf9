package org.virtxml.model;

import jakarta.xml.bind.annotation.XmlRootElement;
import java.lang.reflect.Constructor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A model class's bindings, looked up by XML name: which property an attribute or child element
 * goes to. Built once per class, on first use, so a document only pays for the classes it holds.
 */
public final class ModelClass {
    private static final ClassValue<ModelClass> CACHE = new ClassValue<>() {
        @Override
        protected ModelClass computeValue(Class<?> type) {
            return new ModelClass(type.asSubclass(ModelElement.class));
        }
    };

    private final Class<? extends ModelElement> type;
    private final Constructor<? extends ModelElement> constructor;
    private final List<ModelProperty> properties;
    private final Map<String, ModelProperty> elements = new HashMap<>();
    private final Map<String, ModelProperty> attributes = new HashMap<>();

    private ModelClass(Class<? extends ModelElement> type) {
        this.type = type;
        try {
            this.constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type + " has no no-argument constructor", e);
        }
        this.properties = ModelProperty.of(type);
        for (ModelProperty p : properties) {
            (p.isAttribute() ? attributes : elements).put(key(p.namespace(), p.xmlName()), p);
        }
    }

    public static ModelClass of(Class<? extends ModelElement> type) {
        return CACHE.get(type);
    }

    public Class<? extends ModelElement> type() {
        return type;
    }

    /** Typed properties: child elements in written order, then attributes. */
    public List<ModelProperty> properties() {
        return properties;
    }

    /** The property a child element of that name goes to, or null (kept as-is). */
    public ModelProperty element(String namespace, String localName) {
        return elements.get(key(namespace, localName));
    }

    /** The property an attribute of that name goes to, or null (kept as-is). */
    public ModelProperty attribute(String namespace, String localName) {
        return attributes.get(key(namespace, localName));
    }

    public ModelElement newInstance() {
        try {
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + type.getName(), e);
        }
    }

    /** The root element name of a document root class (its {@code @XmlRootElement}), or null. */
    public String rootElementName() {
        XmlRootElement r = type.getAnnotation(XmlRootElement.class);
        return r == null ? null : r.name();
    }

    private static String key(String namespace, String local) {
        return namespace == null || namespace.isEmpty() ? local : "{" + namespace + "}" + local;
    }
}
