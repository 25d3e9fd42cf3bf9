package org.virtxml.io;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.virtxml.model.CpuSet;
import org.virtxml.model.DataSize;
import org.virtxml.model.DocumentKind;
import org.virtxml.model.IntegerElement;
import org.virtxml.model.IntegerLeaf;
import org.virtxml.model.IntegerText;
import org.virtxml.model.Leaf;
import org.virtxml.model.MacAddress;
import org.virtxml.model.ModelElement;
import org.virtxml.model.SizedElement;
import org.virtxml.model.Uuid;
import org.virtxml.model.UuidLeaf;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Builds random documents of the four kinds through the model's public API only: the generated
 * classes' public no-argument constructors, their {@code setXxx} setters and live {@code getXxx()}
 * lists, the text accessors of {@link Leaf}, {@link IntegerLeaf}, {@link UuidLeaf},
 * {@link SizedElement}, {@link IntegerElement}, and {@code keptAttributes()} /
 * {@code addKeptElement} for foreign content. Values favour odd spellings: hex, leading zeros,
 * signs, padding, markup characters, non-ASCII, empty.
 */
final class RandomDocuments {
    static final String FOREIGN_NS = "urn:example:random";

    private static final String[] ATTRIBUTE_VALUES = {
        "",
        "yes",
        "no",
        "on",
        "kvm",
        "qemu",
        "virtio",
        "0x1F",
        "0X1f",
        "007",
        "-1",
        "+5",
        " 1 ",
        "1e3",
        "18446744073709551615",
        "a b",
        "x<y&z",
        "\"quoted\" and 'single'",
        "caf\u00e9",
        "\u65e5\u672c",
        "]]>",
        "/var/lib/libvirt/images/a b.qcow2",
        "&amp;",
        "tab\there",
        "two\nlines",
        "cr\rhere",
        "  padded  ",
    };
    private static final String[] TEXTS = {
        "vm1",
        "web-frontend-01",
        "hvm",
        "x<y&z",
        "caf\u00e9 \u65e5\u672c",
        "  padded  ",
        " ",
        "",
        "a\nb",
        "]]>",
        "'\"",
        "0x10",
        "tab\tin",
        "cr\r\nlf",
    };
    private static final String[] INTEGERS = {
        "0",
        "1",
        "007",
        "0x1F",
        "0X1f",
        "-1",
        "+5",
        " 12",
        "12 ",
        "18446744073709551615",
        "18446744073709551616",
        "1e3",
        "",
        "abc",
        "0x",
        "-0",
    };
    private static final String[] UUIDS = {
        "fba439f9-f793-4c0f-b3c1-fc5333adb131",
        "FBA439F9-F793-4C0F-B3C1-FC5333ADB131",
        "fba439f9f7934c0fb3c1fc5333adb131",
        "fba4-39f9-f793-4c0f-b3c1-fc53-33ad-b131",
        "not-a-uuid",
        "",
    };
    private static final String[] MACS = {
        "52:54:00:aa:bb:cc", "52:54:00:AA:BB:CC", "52-54-00-aa-bb-cc", "5:4:0:a:b:c", "zz"
    };
    private static final String[] IPS = {"192.168.122.1", "10.1", "2001:db8::1", "2001:DB8:0::1", " 1.2.3.4", "x"};
    private static final String[] VLAN_IDS = {"42", "0", "4095", "4096", "+7", "-1", ""};
    private static final String[] CPUSETS = {"0-3", "0-3,^2", "1,3-5", " 0 ", "0-", "^1", "0x3", ""};
    private static final String[] UNITS = {
        null, "KiB", "k", "KB", "MiB", "M", "G", "GiB", "b", "bytes", "EiB", "furlong"
    };
    private static final Set<Class<?>> TEXT_BASES = Set.of(
            ModelElement.class,
            SizedElement.class,
            IntegerElement.class,
            Leaf.class,
            IntegerLeaf.class,
            UuidLeaf.class,
            org.virtxml.model.PciAddressElement.class,
            Object.class);

    private final Random random;
    private final int maxDepth;
    private final Document factory;

    RandomDocuments(Random random, int maxDepth) {
        this.random = random;
        this.maxDepth = maxDepth;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            this.factory = f.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A random root of the given kind. */
    ModelElement document(DocumentKind kind) {
        return element(kind.rootClass(), 0);
    }

    <T extends ModelElement> T element(Class<T> type, int depth) {
        T e;
        try {
            e = type.getConstructor().newInstance();
        } catch (ReflectiveOperationException ex) {
            throw new IllegalStateException("no public constructor on " + type, ex);
        }
        text(e, depth);
        for (Method m : publicSetters(type)) {
            Class<?> p = m.getParameterTypes()[0];
            boolean child = ModelElement.class.isAssignableFrom(p);
            if (random.nextDouble() >= (child ? childChance(depth) : 0.5)) {
                continue;
            }
            Object value = child
                    ? (depth < maxDepth ? element(p.asSubclass(ModelElement.class), depth + 1) : null)
                    : attributeValue(p);
            if (value != null) {
                invoke(m, e, value);
            }
        }
        for (Method g : listGetters(type)) {
            if (depth >= maxDepth || random.nextDouble() >= childChance(depth)) {
                continue;
            }
            @SuppressWarnings("unchecked")
            List<Object> live = (List<Object>) invoke(g, e);
            Class<? extends ModelElement> item = listItem(g);
            for (int i = 1 + random.nextInt(3); i > 0; i--) {
                live.add(element(item, depth + 1));
            }
        }
        if (random.nextInt(12) == 0) {
            e.keptAttributes().put(new QName(FOREIGN_NS, "k" + random.nextInt(3), "r"), pick(ATTRIBUTE_VALUES));
        }
        if (random.nextInt(15) == 0) {
            e.addKeptElement(foreignElement());
        }
        return e;
    }

    private double childChance(int depth) {
        return depth == 0 ? 0.5 : 0.35 / depth;
    }

    private void text(ModelElement e, int depth) {
        if (random.nextInt(5) == 0) {
            return; // no text at all
        }
        if (e instanceof SizedElement s) {
            s.setSize(DataSize.of(pick(INTEGERS), pick(UNITS)));
        } else if (e instanceof IntegerElement i) {
            i.setValue(IntegerText.of(pick(INTEGERS)));
        } else if (e instanceof IntegerLeaf l) {
            l.setValue(IntegerText.of(pick(INTEGERS)));
        } else if (e instanceof UuidLeaf l) {
            l.setUuid(Uuid.of(pick(UUIDS)));
        } else if (e instanceof Leaf l) {
            l.setText(pick(TEXTS));
        } else if (random.nextInt(6) == 0) {
            // an element libvirt gives text and attributes (such as <os><type arch=...>hvm</type>)
            String t = pick(TEXTS).strip();
            e.setText(t.isEmpty() ? "hvm" : t);
        }
    }

    private Object attributeValue(Class<?> type) {
        if (type == String.class) {
            return random.nextInt(4) == 0 ? randomWord() : pick(ATTRIBUTE_VALUES);
        }
        if (type == IntegerText.class) {
            return IntegerText.of(pick(INTEGERS));
        }
        if (type == Uuid.class) {
            return Uuid.of(pick(UUIDS));
        }
        if (type == MacAddress.class) {
            return MacAddress.of(pick(MACS));
        }
        if (type == CpuSet.class) {
            return CpuSet.of(pick(CPUSETS));
        }
        if (type == org.virtxml.model.IpAddress.class) {
            return org.virtxml.model.IpAddress.of(pick(IPS));
        }
        if (type == org.virtxml.model.VlanId.class) {
            return org.virtxml.model.VlanId.of(pick(VLAN_IDS));
        }
        throw new IllegalStateException("no random values for attribute type " + type);
    }

    /** A foreign-namespace element with an attribute, text and perhaps a child. */
    Element foreignElement() {
        Element el = factory.createElementNS(FOREIGN_NS, "r:" + randomWord());
        el.setAttributeNS(null, "k", pick(ATTRIBUTE_VALUES));
        if (random.nextBoolean()) {
            el.setTextContent(pick(TEXTS).strip().isEmpty() ? "t" : pick(TEXTS).strip());
        } else {
            Element child = factory.createElementNS(FOREIGN_NS, "r:" + randomWord());
            child.setAttributeNS(FOREIGN_NS, "r:n", String.valueOf(random.nextInt(100)));
            el.appendChild(child);
        }
        return el;
    }

    String randomWord() {
        String letters = "abcdefghijklmnopqrstuvwxyz";
        StringBuilder sb = new StringBuilder();
        for (int i = 1 + random.nextInt(8); i > 0; i--) {
            sb.append(letters.charAt(random.nextInt(letters.length())));
        }
        if (random.nextInt(4) == 0) {
            sb.append('-').append(random.nextInt(10));
        }
        return sb.toString();
    }

    private <V> V pick(V[] values) {
        return values[random.nextInt(values.length)];
    }

    // ---- the public API, found by reflection ----

    private static final ClassValue<List<Method>> SETTERS = new ClassValue<>() {
        @Override
        protected List<Method> computeValue(Class<?> type) {
            List<Method> out = new ArrayList<>();
            for (Method m : type.getMethods()) {
                if (m.getName().startsWith("set")
                        && m.getParameterCount() == 1
                        && !Modifier.isStatic(m.getModifiers())
                        && !TEXT_BASES.contains(m.getDeclaringClass())) {
                    out.add(m);
                }
            }
            out.sort(Comparator.comparing(Method::getName).thenComparing(m -> m.getParameterTypes()[0].getName()));
            return List.copyOf(out);
        }
    };

    private static final ClassValue<List<Method>> LIST_GETTERS = new ClassValue<>() {
        @Override
        protected List<Method> computeValue(Class<?> type) {
            List<Method> out = new ArrayList<>();
            for (Method m : type.getMethods()) {
                if (m.getName().startsWith("get")
                        && m.getParameterCount() == 0
                        && m.getReturnType() == List.class
                        && !TEXT_BASES.contains(m.getDeclaringClass())
                        && listItemOrNull(m) != null) {
                    out.add(m);
                }
            }
            out.sort(Comparator.comparing(Method::getName));
            return List.copyOf(out);
        }
    };

    static List<Method> publicSetters(Class<?> type) {
        return SETTERS.get(type);
    }

    static List<Method> listGetters(Class<?> type) {
        return LIST_GETTERS.get(type);
    }

    private static Class<? extends ModelElement> listItem(Method getter) {
        return listItemOrNull(getter);
    }

    private static Class<? extends ModelElement> listItemOrNull(Method getter) {
        Type t = getter.getGenericReturnType();
        if (t instanceof ParameterizedType pt
                && pt.getActualTypeArguments()[0] instanceof Class<?> c
                && ModelElement.class.isAssignableFrom(c)
                && !Modifier.isAbstract(c.getModifiers())) {
            return c.asSubclass(ModelElement.class);
        }
        return null;
    }

    private static Object invoke(Method m, Object target, Object... args) {
        try {
            return m.invoke(target, args);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("calling " + m + ": " + e.getCause(), e.getCause());
        }
    }
}
