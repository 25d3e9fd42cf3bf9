package org.virtxml.model;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The JAXB annotations of one model class (its own, its fields', or its package's), as the bindings
 * read them: by annotation type, the elements given. Read from the class file where the class
 * loader has it ({@link #of}), which makes no annotation proxy classes and parses no generic
 * signatures through reflection: reflection spins a proxy class per annotation type on first use,
 * which a one-file run paid at start (issue 14). {@link #reflective} reads the same through
 * reflection, for a class whose class file cannot be found, and as the test's reference.
 *
 * <p>A class file holds the elements an annotation gives, not its defaults: callers supply the
 * default of every element they read ({@link Values#string}).
 */
final class BindingAnnotations {
    private static final String RUNTIME_VISIBLE = "RuntimeVisibleAnnotations";
    private static final String SIGNATURE = "Signature";
    private static final BindingAnnotations NONE = new BindingAnnotations(Map.of(), Map.of(), Map.of());

    /** Annotation type (binary name) to its elements, on the class (or package) itself. */
    private final Map<String, Values> own;
    /** Field name to its annotations. */
    private final Map<String, Map<String, Values>> fields;
    /** Field name to its generic signature, where it has one (class file only). */
    private final Map<String, String> signatures;

    private BindingAnnotations(
            Map<String, Values> own, Map<String, Map<String, Values>> fields, Map<String, String> signatures) {
        this.own = own;
        this.fields = fields;
        this.signatures = signatures;
    }

    /** The elements an annotation gives: strings, enum constant names, class names, lists of those. */
    record Values(Map<String, Object> given) {
        /** A string (or enum constant name) element, or {@code otherwise} when not given. */
        String string(String name, String otherwise) {
            Object v = given.get(name);
            return v == null ? otherwise : (String) v;
        }

        /** A string-array element, or {@code otherwise} when not given. */
        List<String> strings(String name, List<String> otherwise) {
            Object v = given.get(name);
            if (v == null) {
                return otherwise;
            }
            List<String> out = new ArrayList<>();
            for (Object o : (List<?>) v) {
                out.add((String) o);
            }
            return out;
        }
    }

    /** The annotations of {@code type} and its declared fields, read from its class file if it can be found. */
    static BindingAnnotations of(Class<?> type) {
        byte[] bytes = classFile(type.getClassLoader(), type.getName().replace('.', '/') + ".class");
        return bytes == null ? reflective(type) : parse(bytes);
    }

    /**
     * The annotations of {@code type}'s package (its {@code package-info}): from the class file if
     * found, or, with {@code reflective}, through reflection.
     */
    static BindingAnnotations ofPackage(Class<?> type, boolean reflective) {
        Package p = type.getPackage();
        if (p == null) {
            return NONE;
        }
        byte[] bytes = reflective
                ? null
                : classFile(type.getClassLoader(), p.getName().replace('.', '/') + "/package-info.class");
        return bytes == null ? new BindingAnnotations(values(p.getAnnotations()), Map.of(), Map.of()) : parse(bytes);
    }

    /** The annotations of {@code type} and its declared fields, read through reflection. */
    static BindingAnnotations reflective(Class<?> type) {
        Map<String, Map<String, Values>> fields = new HashMap<>();
        for (Field f : type.getDeclaredFields()) {
            fields.put(f.getName(), values(f.getAnnotations()));
        }
        return new BindingAnnotations(values(type.getAnnotations()), fields, Map.of());
    }

    /** The elements of annotation {@code type} on the class or package itself, or null when absent. */
    Values own(Class<? extends Annotation> type) {
        return own.get(type.getName());
    }

    /** The elements of annotation {@code type} on the declared field {@code field}, or null when absent. */
    Values field(String field, Class<? extends Annotation> type) {
        Map<String, Values> on = fields.get(field);
        return on == null ? null : on.get(type.getName());
    }

    /**
     * The item class of a declared list field ({@code List<Disk>} gives {@code Disk}), or
     * {@code Object} when the item type is not a plain class.
     */
    Class<?> listItemType(Field f) {
        String signature = signatures.get(f.getName());
        if (signature == null) {
            if (f.getGenericType() instanceof ParameterizedType pt
                    && pt.getActualTypeArguments()[0] instanceof Class<?> c) {
                return c;
            }
            return Object.class;
        }
        // a collection of one class: Ljava/util/List<Lpkg/Item;>; (nested classes as Lpkg/Outer$Inner;)
        int open = signature.indexOf('<');
        int end = signature.length() - 3; // the ">;" that closes the argument list, and the argument's ';'
        if (open < 0
                || !signature.endsWith(";>;")
                || signature.charAt(open + 1) != 'L'
                || signature.indexOf('<', open + 1) >= 0
                || signature.indexOf(';', open) != end) {
            return Object.class;
        }
        String name = signature.substring(open + 2, end).replace('/', '.');
        try {
            return Class.forName(name, false, f.getDeclaringClass().getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("cannot load the item class of " + f, e);
        }
    }

    private static byte[] classFile(ClassLoader loader, String resource) {
        ClassLoader l = loader == null ? ClassLoader.getSystemClassLoader() : loader;
        try (InputStream in = l.getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }

    private static Map<String, Values> values(Annotation[] annotations) {
        Map<String, Values> out = new HashMap<>();
        for (Annotation a : annotations) {
            Map<String, Object> given = new HashMap<>();
            for (Method m : a.annotationType().getDeclaredMethods()) {
                if (m.getParameterCount() == 0) {
                    try {
                        given.put(m.getName(), plain(m.invoke(a)));
                    } catch (IllegalAccessException | InvocationTargetException e) {
                        throw new IllegalStateException("cannot read " + m, e);
                    }
                }
            }
            out.put(a.annotationType().getName(), new Values(given));
        }
        return out;
    }

    /** An annotation element's value as {@link #parse} gives it: class names, enum names, lists. */
    private static Object plain(Object v) {
        if (v instanceof Class<?> c) {
            return c.getName();
        }
        if (v instanceof Enum<?> e) {
            return e.name();
        }
        if (v != null && v.getClass().isArray()) {
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < Array.getLength(v); i++) {
                items.add(plain(Array.get(v, i)));
            }
            return items;
        }
        return v;
    }

    // ---- the class file (JVMS chapter 4): constant pool, fields, attributes ----

    private static BindingAnnotations parse(byte[] bytes) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
            if (in.readInt() != 0xCAFEBABE) {
                throw new IOException("not a class file");
            }
            in.readUnsignedShort(); // minor
            in.readUnsignedShort(); // major
            Object[] pool = constantPool(in);
            in.readUnsignedShort(); // access flags
            in.readUnsignedShort(); // this class
            in.readUnsignedShort(); // super class
            in.skipNBytes(2L * in.readUnsignedShort()); // interfaces
            Map<String, Map<String, Values>> fields = new HashMap<>();
            Map<String, String> signatures = new HashMap<>();
            int fieldCount = in.readUnsignedShort();
            for (int i = 0; i < fieldCount; i++) {
                in.readUnsignedShort(); // access flags
                String name = (String) pool[in.readUnsignedShort()];
                in.readUnsignedShort(); // descriptor
                fields.put(name, attributes(in, pool, name, signatures));
            }
            int methodCount = in.readUnsignedShort();
            for (int i = 0; i < methodCount; i++) {
                in.skipNBytes(6); // access flags, name, descriptor
                skipAttributes(in);
            }
            Map<String, Values> own = attributes(in, pool, null, signatures);
            return new BindingAnnotations(own, fields, signatures);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read the annotations of a model class file: " + e, e);
        }
    }

    /**
     * The attributes of a field ({@code field} its name) or of the class itself ({@code field}
     * null): its annotations, by type; a field's generic signature goes to {@code signatures}.
     */
    private static Map<String, Values> attributes(
            DataInputStream in, Object[] pool, String field, Map<String, String> signatures) throws IOException {
        Map<String, Values> annotations = new HashMap<>();
        int attributes = in.readUnsignedShort();
        for (int a = 0; a < attributes; a++) {
            String attribute = (String) pool[in.readUnsignedShort()];
            int length = in.readInt();
            if (RUNTIME_VISIBLE.equals(attribute)) {
                annotations(in, pool, annotations);
            } else if (field != null && SIGNATURE.equals(attribute)) {
                signatures.put(field, (String) pool[in.readUnsignedShort()]);
            } else {
                in.skipNBytes(length);
            }
        }
        return annotations;
    }

    /** The constant pool: UTF-8 entries as strings, integers as integers, other entries null. */
    private static Object[] constantPool(DataInputStream in) throws IOException {
        Object[] pool = new Object[in.readUnsignedShort()];
        for (int i = 1; i < pool.length; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> pool[i] = in.readUTF();
                case 3 -> pool[i] = in.readInt();
                case 4 -> in.skipNBytes(4); // float
                case 5, 6 -> { // long, double: two slots
                    in.skipNBytes(8);
                    i++;
                }
                case 7, 8, 16, 19, 20 -> in.skipNBytes(2); // class, string, method type, module, package
                case 15 -> in.skipNBytes(3); // method handle
                case 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4); // refs, name and type, (invoke) dynamic
                default -> throw new IOException("constant pool tag " + tag);
            }
        }
        return pool;
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int attributes = in.readUnsignedShort();
        for (int a = 0; a < attributes; a++) {
            in.readUnsignedShort(); // name
            in.skipNBytes(in.readInt() & 0xFFFFFFFFL);
        }
    }

    private static void annotations(DataInputStream in, Object[] pool, Map<String, Values> out) throws IOException {
        int count = in.readUnsignedShort();
        for (int i = 0; i < count; i++) {
            String type = typeName((String) pool[in.readUnsignedShort()]);
            out.put(type, new Values(elements(in, pool)));
        }
    }

    private static Map<String, Object> elements(DataInputStream in, Object[] pool) throws IOException {
        Map<String, Object> given = new HashMap<>();
        int pairs = in.readUnsignedShort();
        for (int p = 0; p < pairs; p++) {
            String name = (String) pool[in.readUnsignedShort()];
            given.put(name, elementValue(in, pool));
        }
        return given;
    }

    private static Object elementValue(DataInputStream in, Object[] pool) throws IOException {
        int tag = in.readUnsignedByte();
        switch (tag) {
            case 's':
                return pool[in.readUnsignedShort()];
            case 'Z':
                return ((Integer) pool[in.readUnsignedShort()]) != 0;
            case 'B', 'C', 'I', 'S', 'D', 'F', 'J':
                return pool[in.readUnsignedShort()]; // integers as Integer; the bindings read none of these
            case 'e':
                in.readUnsignedShort(); // the enum's type
                return pool[in.readUnsignedShort()];
            case 'c':
                return typeName((String) pool[in.readUnsignedShort()]);
            case '@':
                in.readUnsignedShort(); // the nested annotation's type
                return elements(in, pool);
            case '[':
                List<Object> items = new ArrayList<>();
                int n = in.readUnsignedShort();
                for (int i = 0; i < n; i++) {
                    items.add(elementValue(in, pool));
                }
                return items;
            default:
                throw new IOException("annotation element tag " + (char) tag);
        }
    }

    /** {@code Lpkg/Name$Inner;} as {@code pkg.Name$Inner} (the binary name {@link Class#getName} gives). */
    private static String typeName(String descriptor) {
        if (descriptor.startsWith("L") && descriptor.endsWith(";")) {
            return descriptor.substring(1, descriptor.length() - 1).replace('/', '.');
        }
        return descriptor; // a primitive or array class: the bindings name none
    }
}
