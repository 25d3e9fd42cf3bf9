package org.virtxml.lint.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.virtxml.model.DataSize;
import org.virtxml.model.IntegerText;
import org.virtxml.model.ModelElement;
import org.virtxml.model.ModelProperty;
import org.virtxml.model.SizedElement;
import org.virtxml.model.Unit;
import org.virtxml.model.domain.Devices;
import org.virtxml.model.domain.Domain;

/** Null-safe reading helpers over the typed model, shared by the checks. */
final class Model {

    private Model() {}

    /** The element's text, or null when the element is absent or has none. */
    static String text(ModelElement e) {
        return e == null ? null : e.getText();
    }

    /** True when the element is absent or its text is empty. */
    static boolean blank(ModelElement e) {
        String t = text(e);
        return t == null || t.isEmpty();
    }

    static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }

    static Devices devices(Domain d) {
        return d.getDevices() == null ? new Devices() : d.getDevices();
    }

    /** kvm or qemu: the QEMU driver's own checks apply. */
    static boolean isQemu(Domain d) {
        return "kvm".equals(d.getType()) || "qemu".equals(d.getType());
    }

    static String machine(Domain d) {
        return d.getOs() == null || d.getOs().getType() == null
                ? null
                : d.getOs().getType().getMachine();
    }

    static String arch(Domain d) {
        return d.getOs() == null || d.getOs().getType() == null
                ? null
                : d.getOs().getType().getArch();
    }

    static boolean isQ35(Domain d) {
        String m = machine(d);
        return m != null && m.toLowerCase(Locale.ROOT).contains("q35");
    }

    /** An i440fx machine: {@code pc}, {@code pc-i440fx-*} or {@code pc-N.N} (QEMU's old names for it). */
    static boolean isI440fx(Domain d) {
        String m = machine(d);
        return m != null && (m.equals("pc") || m.startsWith("pc-i440fx") || m.matches("pc-\\d.*"));
    }

    /** An x86 PC machine whose type is known from the document (i440fx or q35). */
    static boolean isX86Pc(Domain d) {
        return isI440fx(d) || isQ35(d);
    }

    /** The machine type starts with {@code prefix} (pseries, s390-ccw, virt, ...). */
    static boolean machineStarts(Domain d, String prefix) {
        String m = machine(d);
        return m != null && m.startsWith(prefix);
    }

    /** A decimal or 0x-hex attribute value as libvirt's {@code virXMLPropUInt} with base 0 reads it; empty otherwise. */
    static OptionalLong number(String s) {
        if (s == null) {
            return OptionalLong.empty();
        }
        return IntegerText.of(s).nonNegativeValue();
    }

    /** A number and unit as KiB with {@code defaultUnit}; empty when the number is absent or unreadable. */
    static OptionalLong kib(String number, String unit, Unit defaultUnit) {
        return number == null ? OptionalLong.empty() : DataSize.of(number, unit).kibibytes(defaultUnit);
    }

    /** Size in bytes as libvirt reads it with {@code defaultUnit}; empty when absent or unreadable. */
    static OptionalLong bytes(SizedElement e, Unit defaultUnit) {
        if (e == null) {
            return OptionalLong.empty();
        }
        DataSize s = e.size();
        return s == null ? OptionalLong.empty() : s.bytes(defaultUnit);
    }

    /** Non-negative integer value as libvirt's unsigned readers see it; empty when absent or unreadable. */
    static OptionalLong unsigned(IntegerText t) {
        return t == null ? OptionalLong.empty() : t.nonNegativeValue();
    }

    /**
     * Every {@code <address>} of the domain's devices, in document order, without those of
     * {@code <console>}: a serial console repeats the first {@code <serial>}'s address, as libvirt writes it.
     */
    static List<org.virtxml.model.domain.Address> deviceAddresses(Domain d, Consumer<Finding> out) {
        if (d.getDevices() == null) {
            return List.of();
        }
        java.util.Set<org.virtxml.model.domain.Address> console =
                java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (org.virtxml.model.domain.Console c : list(d.getDevices().getConsole())) {
            console.addAll(descendants(c, org.virtxml.model.domain.Address.class, out));
        }
        return descendants(d.getDevices(), org.virtxml.model.domain.Address.class, out).stream()
                .filter(a -> !console.contains(a))
                .toList();
    }

    /**
     * Every element of {@code type} at or under {@code root}, in document order: from the linter's
     * one walk of the document when {@code sink} knows it ({@link DocumentOrder}), else by walking
     * the subtree.
     */
    static <T extends ModelElement> List<T> descendants(ModelElement root, Class<T> type, Consumer<Finding> sink) {
        if (sink instanceof DocumentOrder order) {
            List<T> known = order.descendants(root, type);
            if (known != null) {
                return known;
            }
        }
        List<T> out = new ArrayList<>();
        collect(root, type, out);
        return out;
    }

    private static <T extends ModelElement> void collect(ModelElement e, Class<T> type, List<T> out) {
        if (type.isInstance(e)) {
            out.add(type.cast(e));
        }
        for (ModelProperty p : ModelProperty.of(e.getClass())) {
            if (p.isAttribute()) {
                continue;
            }
            for (Object v : p.values(e)) {
                if (v instanceof ModelElement child) {
                    collect(child, type, out);
                }
            }
        }
    }

    /**
     * libvirt's {@code virStrToLong_ui} with base 10: leading blanks and a {@code +} accepted,
     * nothing after the digits, at most 2^32-1; empty otherwise.
     */
    static OptionalLong parseUnsignedDecimal(String s) {
        if (s == null) {
            return OptionalLong.empty();
        }
        int i = 0;
        while (i < s.length() && (s.charAt(i) == ' ' || (s.charAt(i) >= '\t' && s.charAt(i) <= '\r'))) {
            i++;
        }
        if (i < s.length() && s.charAt(i) == '+') {
            i++;
        }
        int start = i;
        long v = 0;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            v = v * 10 + (s.charAt(i) - '0');
            if (v > 0xFFFF_FFFFL) {
                return OptionalLong.empty();
            }
            i++;
        }
        if (i == start || i != s.length()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(v);
    }
}
