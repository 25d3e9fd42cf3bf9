package org.virtxml.lint.checks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.virtxml.model.IntegerText;
import org.virtxml.model.MacAddress;
import org.virtxml.model.ModelElement;
import org.virtxml.model.PciAddress;
import org.virtxml.model.ValueProblem;
import org.virtxml.model.domain.Address;
import org.virtxml.model.domain.Domain;
import org.virtxml.model.domain.Hostdev;
import org.virtxml.model.domain.HostdevSource;
import org.virtxml.model.domain.HostdevSourceAddress;
import org.virtxml.model.domain.Interface;
import org.virtxml.model.domain.InterfaceSource;
import org.virtxml.model.domain.InterfaceSourceVariant;
import org.virtxml.model.domain.InterfaceTypes;

/** Interface, host device and PCI address rules (rules.md "Devices"); MAC syntax is a LibvirtValue constraint. */
final class NetworkChecks {

    private NetworkChecks() {}

    static List<RuleCheck<?>> entries() {
        return List.of(
                RuleCheck.of(
                        "address-pci-range",
                        Address.class,
                        (a, out) ->
                                pciRange(a, a.getType(), a.getDomain(), a.getBus(), a.getSlot(), a.getFunction(), out)),
                RuleCheck.of(
                        "address-pci-range",
                        HostdevSourceAddress.class,
                        (a, out) -> pciRange(a, "pci", a.getDomain(), a.getBus(), a.getSlot(), a.getFunction(), out)),
                RuleCheck.of(
                        "address-octal",
                        Address.class,
                        (a, out) ->
                                octal(a, a.getType(), a.getDomain(), a.getBus(), a.getSlot(), a.getFunction(), out)),
                RuleCheck.of(
                        "address-octal",
                        HostdevSourceAddress.class,
                        (a, out) -> octal(a, "pci", a.getDomain(), a.getBus(), a.getSlot(), a.getFunction(), out)),
                RuleCheck.of("address-conflict", Domain.class, NetworkChecks::addressConflict),
                RuleCheck.of("mac-duplicate", Domain.class, NetworkChecks::macDuplicate),
                RuleCheck.of("interface-source-missing", Interface.class, NetworkChecks::interfaceSource),
                RuleCheck.of("hostdev-source-missing", Hostdev.class, NetworkChecks::hostdevSource));
    }

    private static IntegerText it(String s) {
        return s == null ? null : IntegerText.of(s);
    }

    static PciAddress pci(String domain, String bus, String slot, String function) {
        return PciAddress.of(it(domain), it(bus), it(slot), it(function));
    }

    private static void pciRange(
            ModelElement e,
            String type,
            String domain,
            String bus,
            String slot,
            String function,
            Consumer<Finding> out) {
        if (!"pci".equals(type)) {
            return;
        }
        for (ValueProblem p : pci(domain, bus, slot, function).problems()) {
            String attr = attributeNamed(p.message());
            out.accept(Finding.at(e, attr, p.message()));
        }
    }

    private static String attributeNamed(String message) {
        for (String a : new String[] {"domain", "bus", "slot", "function"}) {
            if (message.contains("'" + a + "'") || message.contains(" " + a + "=")) {
                return a;
            }
        }
        return null;
    }

    private static void octal(
            ModelElement e,
            String type,
            String domain,
            String bus,
            String slot,
            String function,
            Consumer<Finding> out) {
        if (!"pci".equals(type)) {
            return;
        }
        String[] names = {"domain", "bus", "slot", "function"};
        String[] values = {domain, bus, slot, function};
        for (int i = 0; i < 4; i++) {
            IntegerText t = it(values[i]);
            if (t == null || !t.isOctalLooking() || t.value().isEmpty()) {
                continue;
            }
            String digits = values[i].strip().replaceFirst("^[+]", "");
            long decimal;
            try {
                decimal = Long.parseLong(digits);
            } catch (NumberFormatException ex) {
                continue;
            }
            if (decimal != t.value().getAsLong()) {
                out.accept(Finding.at(
                        e,
                        names[i],
                        names[i] + "='" + values[i] + "' has a leading zero: libvirt reads"
                                + " it as octal, " + t.value().getAsLong() + " (0x"
                                + Long.toHexString(t.value().getAsLong())
                                + "), not " + decimal));
            }
        }
    }

    private static void addressConflict(Domain d, Consumer<Finding> out) {
        if (d.getDevices() == null) {
            return;
        }
        Map<Long, Address> seen = new HashMap<>();
        for (Address a : Model.deviceAddresses(d, out)) {
            if (!"pci".equals(a.getType())) {
                continue;
            }
            PciAddress p = pci(a.getDomain(), a.getBus(), a.getSlot(), a.getFunction());
            if (!p.isValid() || p.isEmpty()) {
                continue;
            }
            // a valid address: domain below 2^32, bus below 2^8, slot below 2^5, function below 2^3
            long key = p.domainValue().getAsLong() << 16
                    | p.busValue().getAsLong() << 8
                    | p.slotValue().getAsLong() << 3
                    | p.functionValue().getAsLong();
            if (seen.putIfAbsent(key, a) != null) {
                out.accept(Finding.at(a, "Attempted double use of PCI Address " + p.canonical()));
            }
        }
    }

    private static void macDuplicate(Domain d, Consumer<Finding> out) {
        Map<String, Interface> seen = new HashMap<>();
        for (Interface i : Model.list(Model.devices(d).getInterface())) {
            MacAddress mac = i.getMac() == null ? null : i.getMac().getAddress();
            if (mac == null || !mac.isParsable()) {
                continue;
            }
            String key = mac.text().trim().toLowerCase(java.util.Locale.ROOT);
            key = String.join(
                    ":",
                    java.util.Arrays.stream(key.split(":"))
                            .map(p -> p.length() == 1 ? "0" + p : p)
                            .toList());
            if (seen.putIfAbsent(key, i) != null) {
                out.accept(Finding.at(
                        i.getMac(), "address", "MAC " + key + " is also on another interface of this domain"));
            }
        }
    }

    private static boolean missing(String s) {
        return s == null || s.isEmpty();
    }

    private static void interfaceSource(Interface i, Consumer<Finding> out) {
        String type = i.getType() == null ? "user" : i.getType();
        InterfaceSource s = i.getSource();
        String attribute = switch (type) {
            case "network" -> "network";
            case "bridge" -> "bridge";
            case "direct", "vdpa" -> "dev";
            case "internal" -> "name";
            case "vds" -> "switchid";
            case "client", "mcast", "udp", "server" -> "port";
            case "hostdev" -> "address";
            default -> null;
        };
        if (attribute == null) {
            return;
        }
        if (s == null) {
            out.accept(Finding.at(i, "type", "interface type='" + type + "' requires a 'source' element"));
            return;
        }
        InterfaceSourceVariant v = i.source();
        boolean absent = v instanceof InterfaceSourceVariant.Network n
                ? missing(n.network())
                : v instanceof InterfaceSourceVariant.Bridge b
                        ? missing(b.bridge())
                        : v instanceof InterfaceSourceVariant.Direct d
                                ? missing(d.dev())
                                : v instanceof InterfaceSourceVariant.Vdpa d
                                        ? missing(d.dev())
                                        : v instanceof InterfaceSourceVariant.Internal n
                                                ? missing(n.name())
                                                : v instanceof InterfaceSourceVariant.Socket k
                                                        ? k.port() == null
                                                        : v instanceof InterfaceSourceVariant.Hostdev h
                                                                ? h.address() == null && s.getVendor() == null
                                                                : type.equals(InterfaceTypes.VDS)
                                                                        && s.getSwitchid() == null;
        if (absent) {
            out.accept(Finding.at(
                    s,
                    type.equals("hostdev")
                            ? "missing source address type for interface" + " type='hostdev'"
                            : "Missing required attribute '" + attribute + "' in element 'source'"
                                    + " (interface type='" + type + "')"));
        } else if (("client".equals(type) || "mcast".equals(type) || "udp".equals(type))
                && missing(s.getAddressAttribute())) {
            out.accept(Finding.at(
                    s, "Missing required attribute 'address' in element 'source' (interface type='" + type + "')"));
        }
    }

    private static void hostdevSource(Hostdev h, Consumer<Finding> out) {
        String mode = h.getMode() == null ? "subsystem" : h.getMode();
        if (!"subsystem".equals(mode)) {
            return;
        }
        HostdevSource s = h.getSource();
        if ("pci".equals(h.getType())) {
            if (s == null || s.getAddress() == null) {
                out.accept(Finding.at(
                        s == null ? h : s,
                        "PCI host device without <source><address domain bus slot"
                                + " function/></source>: libvirt would assign host device 0000:00:00.0"));
            }
        } else if ("usb".equals(h.getType())) {
            if (s == null) {
                out.accept(Finding.at(h, "USB host device without <source>: missing vendor and product"));
            } else if (s.getAddress() == null && (s.getVendor() == null || s.getProduct() == null)) {
                out.accept(
                        Finding.at(
                                s,
                                "missing " + (s.getVendor() == null ? "vendor" : "product")
                                        + ": a USB host device needs <vendor id> and <product id>, or an <address bus device>"));
            }
        }
    }
}
