package org.virtxml.model;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
import jakarta.xml.bind.annotation.XmlTransient;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlAdapter;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * One typed property of a model class: the XML name it binds (namespace and local name), whether
 * it is an attribute, whether it holds a list, the class of its elements, and the value type
 * adapter of an attribute. Read once per class from the generated classes' JAXB annotations; the
 * reader and writer work from these, and generic walks (coverage, diff, lint) use them too.
 */
public final class ModelProperty {
    private static final ClassValue<List<ModelProperty>> CACHE = new ClassValue<>() {
        @Override
        protected List<ModelProperty> computeValue(Class<?> type) {
            return List.copyOf(scan(type, false));
        }
    };

    /**
     * One instance of each value type adapter, shared by every property it binds: the adapters keep
     * no state, and each is constructed once rather than reflectively per property.
     */
    private static final ClassValue<XmlAdapter<String, Object>> ADAPTERS = new ClassValue<>() {
        @Override
        @SuppressWarnings("unchecked")
        protected XmlAdapter<String, Object> computeValue(Class<?> type) {
            try {
                return (XmlAdapter<String, Object>)
                        type.getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot create " + type, e);
            }
        }
    };

    /** What a JAXB annotation's name or namespace element holds when not given. */
    private static final String DEFAULT = "##default";

    private final Field field;
    private final String namespace;
    private final String xmlName;
    private final boolean attribute;
    private final boolean list;
    private final Class<?> valueType;
    private final XmlAdapter<String, Object> adapter;

    private ModelProperty(
            Field field,
            String namespace,
            String xmlName,
            boolean attribute,
            boolean list,
            Class<?> valueType,
            XmlAdapter<String, Object> adapter) {
        this.field = field;
        this.namespace = namespace;
        this.xmlName = xmlName;
        this.attribute = attribute;
        this.list = list;
        this.valueType = valueType;
        this.adapter = adapter;
    }

    /** The typed properties of a model class, child elements in written order, then attributes. */
    public static List<ModelProperty> of(Class<? extends ModelElement> type) {
        return CACHE.get(type);
    }

    /** The element's or attribute's local name. */
    public String xmlName() {
        return xmlName;
    }

    /** The namespace URI of the element or attribute; empty for none. */
    public String namespace() {
        return namespace;
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

    /** The class of the value (of each list item): a model class for elements, String or a value type for attributes. */
    public Class<?> valueType() {
        return valueType;
    }

    /** The class of the value type adapter of an attribute, or null (the value is its text). */
    Class<?> adapterType() {
        return adapter == null ? null : adapter.getClass();
    }

    /** The value(s) this property holds on an element: attribute value (any type), or child elements. */
    public List<Object> values(ModelElement owner) {
        Object v = get(owner);
        if (v == null) {
            return List.of();
        }
        if (v instanceof Collection<?> c) {
            return new ArrayList<>(c);
        }
        return List.of(v);
    }

    /** The field's value: a single value, or the live list. */
    public Object get(ModelElement owner) {
        try {
            return field.get(owner);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sets the field's value (a single value, or the whole list), without reading what it held. */
    public void set(ModelElement owner, Object value) {
        try {
            field.set(owner, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sets a single-valued property; for a list, appends. Returns the value it replaced (single), or null. */
    @SuppressWarnings("unchecked")
    public Object put(ModelElement owner, Object value) {
        if (list) {
            List<Object> l = (List<Object>) get(owner);
            if (l == null) {
                l = new ArrayList<>(4); // most lists hold one or two: not the ten slots of the default
                set(owner, l);
            }
            l.add(value);
            return null;
        }
        Object old = get(owner);
        set(owner, value);
        return old;
    }

    /** An attribute's text as its value type (the exact text kept). */
    public Object fromText(String text) {
        if (adapter == null) {
            return text;
        }
        try {
            return adapter.unmarshal(text);
        } catch (Exception e) {
            throw new IllegalStateException("value adapter failed on '" + text + "': " + e, e);
        }
    }

    /** An attribute value's exact text. */
    public String toText(Object value) {
        if (adapter == null || value instanceof String) {
            return (String) value;
        }
        try {
            return adapter.marshal(value);
        } catch (Exception e) {
            throw new IllegalStateException("value adapter failed: " + e, e);
        }
    }

    /**
     * The properties of {@code type}, from the JAXB annotations of its class files
     * ({@link BindingAnnotations#of}), or, with {@code reflective}, through reflection: the two give
     * the same (ModelBindingsTest).
     */
    static List<ModelProperty> scan(Class<?> type, boolean reflective) {
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> c = type; c != null && c != ModelElement.class && c != Object.class; c = c.getSuperclass()) {
            chain.add(0, c);
        }
        List<ModelProperty> elements = new ArrayList<>();
        List<ModelProperty> attributes = new ArrayList<>();
        for (Class<?> c : chain) {
            BindingAnnotations bindings = reflective ? BindingAnnotations.reflective(c) : BindingAnnotations.of(c);
            String packageNamespace = null;
            List<ModelProperty> own = new ArrayList<>();
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())
                        || Modifier.isTransient(f.getModifiers())
                        || bindings.field(f.getName(), XmlTransient.class) != null) {
                    continue;
                }
                f.setAccessible(true);
                BindingAnnotations.Values a = bindings.field(f.getName(), XmlAttribute.class);
                if (a != null) {
                    String namespace = a.string("namespace", DEFAULT);
                    attributes.add(new ModelProperty(
                            f,
                            DEFAULT.equals(namespace) ? "" : namespace,
                            named(a.string("name", DEFAULT), f),
                            true,
                            false,
                            f.getType(),
                            adapter(f, bindings.field(f.getName(), XmlJavaTypeAdapter.class))));
                    continue;
                }
                BindingAnnotations.Values e = bindings.field(f.getName(), XmlElement.class);
                boolean list = Collection.class.isAssignableFrom(f.getType());
                Class<?> valueType = list ? bindings.listItemType(f) : f.getType();
                if (e != null || ModelElement.class.isAssignableFrom(valueType)) {
                    String ns = e == null ? DEFAULT : e.string("namespace", DEFAULT);
                    if (DEFAULT.equals(ns)) {
                        if (packageNamespace == null) {
                            packageNamespace = packageNamespace(BindingAnnotations.ofPackage(c, reflective));
                        }
                        ns = packageNamespace;
                    }
                    own.add(new ModelProperty(
                            f,
                            ns,
                            named(e == null ? DEFAULT : e.string("name", DEFAULT), f),
                            false,
                            list,
                            valueType,
                            null));
                }
            }
            BindingAnnotations.Values xt = bindings.own(XmlType.class);
            List<String> order = xt == null ? List.of() : xt.strings("propOrder", List.of(""));
            if (!order.isEmpty() && !order.get(0).isEmpty()) {
                own.sort(new PropOrder(order));
            }
            elements.addAll(own);
        }
        elements.addAll(attributes);
        return elements;
    }

    /**
     * Child elements in the order of {@code @XmlType(propOrder)}, those it does not name last. A
     * class of its own, not a comparator lambda: nothing is spun at start.
     */
    private record PropOrder(List<String> order) implements Comparator<ModelProperty> {
        @Override
        public int compare(ModelProperty a, ModelProperty b) {
            return Integer.compare(rank(a), rank(b));
        }

        private int rank(ModelProperty p) {
            int i = order.indexOf(p.javaName());
            return i < 0 ? order.size() : i;
        }
    }

    /** The namespace of unqualified-by-annotation elements declared in a package, from its annotations. */
    private static String packageNamespace(BindingAnnotations pkg) {
        BindingAnnotations.Values s = pkg.own(XmlSchema.class);
        return s != null && XmlNsForm.QUALIFIED.name().equals(s.string("elementFormDefault", XmlNsForm.UNSET.name()))
                ? s.string("namespace", "")
                : "";
    }

    private static XmlAdapter<String, Object> adapter(Field f, BindingAnnotations.Values a) {
        if (a == null) {
            return null;
        }
        String name = a.string("value", null);
        try {
            return ADAPTERS.get(Class.forName(name, false, f.getDeclaringClass().getClassLoader()));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("cannot create " + name, e);
        }
    }

    private static String named(String annotated, Field f) {
        return DEFAULT.equals(annotated) ? f.getName() : annotated;
    }

    @Override
    public String toString() {
        return (attribute ? "@" : "") + (namespace.isEmpty() ? "" : "{" + namespace + "}") + xmlName;
    }
}
