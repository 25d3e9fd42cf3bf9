package org.virtxml.diff;

import java.util.Set;
import org.virtxml.model.CpuSet;
import org.virtxml.model.IntegerText;
import org.virtxml.model.IpAddress;
import org.virtxml.model.MacAddress;
import org.virtxml.model.ModelElement;
import org.virtxml.model.Uuid;
import org.virtxml.model.VlanId;

/** Comparing and showing attribute values as libvirt reads them. */
final class Values {
    /** Attributes of address elements libvirt reads as integers in any base (0x05 = 5). */
    private static final Set<String> ADDRESS_NUMBERS = Set.of(
            "domain",
            "bus",
            "slot",
            "function",
            "controller",
            "target",
            "unit",
            "port",
            "cssid",
            "ssid",
            "devno",
            "iobase",
            "irq",
            "base",
            "reg");

    private Values() {}

    static boolean same(Object a, Object b, Class<? extends ModelElement> owner, String attribute) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof IntegerText x && b instanceof IntegerText y) {
            return x.sameValueAs(y);
        }
        if (a instanceof Uuid x && b instanceof Uuid y) {
            return x.sameValueAs(y);
        }
        if (a instanceof MacAddress x && b instanceof MacAddress y) {
            return x.sameValueAs(y);
        }
        if (a instanceof CpuSet x && b instanceof CpuSet y) {
            return x.sameValueAs(y);
        }
        if (a instanceof IpAddress x && b instanceof IpAddress y) {
            return x.sameValueAs(y);
        }
        if (a instanceof VlanId x && b instanceof VlanId y) {
            return x.sameValueAs(y);
        }
        if (a instanceof String x
                && b instanceof String y
                && owner.getSimpleName().endsWith("Address")
                && ADDRESS_NUMBERS.contains(attribute)) {
            IntegerText ix = IntegerText.of(x);
            IntegerText iy = IntegerText.of(y);
            if (ix.isValid() && iy.isValid()) {
                return ix.sameValueAs(iy);
            }
        }
        return a.equals(b);
    }

    static String show(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof IntegerText x) {
            return x.text();
        }
        if (v instanceof Uuid x) {
            return x.text();
        }
        if (v instanceof MacAddress x) {
            return x.text();
        }
        if (v instanceof CpuSet x) {
            return x.text();
        }
        if (v instanceof IpAddress x) {
            return x.text();
        }
        if (v instanceof VlanId x) {
            return x.text();
        }
        return v.toString();
    }
}
