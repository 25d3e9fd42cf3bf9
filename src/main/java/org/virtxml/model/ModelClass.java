package org.virtxml.model;

import jakarta.xml.bind.annotation.XmlRootElement;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
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
    /** The no-argument constructor as a handle of type {@code ()ModelElement}: no reflective call per element. */
    private final MethodHandle constructor;

    private final List<ModelProperty> properties;
    private final List<ModelProperty> attributeProperties;
    private final List<ModelProperty> elementProperties;
    /** The names of the child elements in a namespace ({@code {uri}local}) to their index in {@link #elementProperties}. */
    private final Map<String, Integer> elements = new HashMap<>();
    /** Attribute names to their index in {@link #attributeProperties}. */
    private final Map<String, Integer> attributes = new HashMap<>();
    /**
     * The names of the attributes without a namespace, interned, at their index (null for the
     * others): a parser hands over names from its interned symbol table, so most lookups are found
     * by identity without hashing.
     */
    private final String[] plainAttributeNames;
    /**
     * The names of the child elements without a namespace, interned, in an open-addressing table
     * by hash ({@link #elementSlotIndex} holds each one's index in {@link #elementProperties}):
     * a reader finds the property of a child element by identity, without building a key.
     */
    private final String[] elementSlots;

    private final int[] elementSlotIndex;
    /**
     * The bindings of the model classes the child elements hold, by index in {@link
     * #elementProperties}, found on first use (null until then, and for values that are not model
     * elements). A benign race: every thread finds the same binding.
     */
    private final ModelClass[] childBindings;

    private ModelClass(Class<? extends ModelElement> type) {
        this.type = type;
        try {
            Constructor<? extends ModelElement> c = type.getDeclaredConstructor();
            c.setAccessible(true);
            this.constructor = java.lang.reflect.Modifier.isAbstract(type.getModifiers())
                    ? null
                    : MethodHandles.lookup().unreflectConstructor(c).asType(MethodType.methodType(ModelElement.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException(type + " has no usable no-argument constructor", e);
        }
        this.properties = ModelProperty.of(type);
        List<ModelProperty> typedAttributes = new ArrayList<>();
        List<ModelProperty> typedChildren = new ArrayList<>();
        for (ModelProperty p : properties) {
            (p.isAttribute() ? typedAttributes : typedChildren).add(p);
        }
        this.attributeProperties = List.copyOf(typedAttributes);
        this.elementProperties = List.copyOf(typedChildren);
        int slots = Integer.highestOneBit(Math.max(1, elementProperties.size()) * 2) * 2;
        this.elementSlots = new String[slots];
        this.elementSlotIndex = new int[slots];
        for (int i = 0; i < elementProperties.size(); i++) {
            ModelProperty p = elementProperties.get(i);
            if (p.namespace() == null || p.namespace().isEmpty()) {
                String name = p.xmlName().intern();
                int slot = name.hashCode() & (slots - 1);
                while (elementSlots[slot] != null) {
                    slot = (slot + 1) & (slots - 1);
                }
                elementSlots[slot] = name;
                elementSlotIndex[slot] = i;
            } else {
                elements.put(key(p.namespace(), p.xmlName()), i);
            }
        }
        this.childBindings = new ModelClass[elementProperties.size()];
        this.plainAttributeNames = new String[attributeProperties.size()];
        for (int i = 0; i < attributeProperties.size(); i++) {
            ModelProperty p = attributeProperties.get(i);
            attributes.put(key(p.namespace(), p.xmlName()), i);
            if (p.namespace() == null || p.namespace().isEmpty()) {
                plainAttributeNames[i] = p.xmlName().intern();
            }
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

    /** The typed attributes alone, in the order of {@link #properties()}. */
    public List<ModelProperty> attributeProperties() {
        return attributeProperties;
    }

    /** The typed child elements alone, in the order of {@link #properties()}. */
    public List<ModelProperty> elementProperties() {
        return elementProperties;
    }

    /** The property a child element of that name goes to, or null (kept as-is). */
    public ModelProperty element(String namespace, String localName) {
        int i = elementIndex(namespace, localName);
        return i < 0 ? null : elementProperties.get(i);
    }

    /** The index in {@link #elementProperties()} of the property a child element of that name goes to, or -1. */
    public int elementIndex(String namespace, String localName) {
        if (namespace == null || namespace.isEmpty()) {
            int mask = elementSlots.length - 1;
            for (int slot = localName.hashCode() & mask; ; slot = (slot + 1) & mask) {
                String name = elementSlots[slot];
                if (name == null) {
                    return -1;
                }
                if (name == localName || name.equals(localName)) {
                    return elementSlotIndex[slot];
                }
            }
        }
        Integer i = elements.get(key(namespace, localName));
        return i == null ? -1 : i;
    }

    /**
     * The binding of the model class that the child element property at this index of {@link
     * #elementProperties()} holds; null when its values are not model elements.
     */
    public ModelClass childBinding(int elementIndex) {
        ModelClass c = childBindings[elementIndex];
        if (c == null) {
            Class<?> valueType = elementProperties.get(elementIndex).valueType();
            if (!ModelElement.class.isAssignableFrom(valueType)) {
                return null;
            }
            c = of(valueType.asSubclass(ModelElement.class));
            childBindings[elementIndex] = c;
        }
        return c;
    }

    /** The property an attribute of that name goes to, or null (kept as-is). */
    public ModelProperty attribute(String namespace, String localName) {
        int i = attributeIndex(namespace, localName);
        return i < 0 ? null : attributeProperties.get(i);
    }

    /** The index in {@link #attributeProperties()} of the property an attribute of that name goes to, or -1. */
    public int attributeIndex(String namespace, String localName) {
        if (namespace == null || namespace.isEmpty()) {
            for (int i = 0; i < plainAttributeNames.length; i++) {
                if (plainAttributeNames[i] == localName) {
                    return i;
                }
            }
        }
        Integer i = attributes.get(key(namespace, localName));
        return i == null ? -1 : i;
    }

    public ModelElement newInstance() {
        if (constructor == null) {
            throw new IllegalStateException("cannot create " + type.getName() + ": abstract");
        }
        try {
            return (ModelElement) constructor.invokeExact();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
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
