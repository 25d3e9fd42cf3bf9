package org.virtxml.lint.checks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import org.virtxml.model.domain.Address;
import org.virtxml.model.domain.Controller;
import org.virtxml.model.domain.Domain;
import org.virtxml.model.domain.Iommu;

/**
 * PCI controller topology (docs/rules-domain.md "PCI and USB"): controller indexes, the root bus a
 * machine type needs, which controller a PCI controller may plug into, and the i440fx slot that
 * PIIX3 holds.
 */
final class PciChecks {

    /** The controller models each PCI controller model may be plugged into (libvirt's PCI connect flags). */
    private static final Map<String, Set<String>> PLUGS_INTO = Map.of(
            "pci-expander-bus", Set.of("pci-root"),
            "pcie-expander-bus", Set.of("pcie-root"),
            "dmi-to-pci-bridge", Set.of("pcie-root", "pcie-expander-bus"),
            "pcie-root-port", Set.of("pcie-root", "pcie-expander-bus"));

    private PciChecks() {}

    static List<RuleCheck<?>> entries() {
        return List.of(
                RuleCheck.of("controller-index-duplicate", Domain.class, PciChecks::indexDuplicate),
                RuleCheck.of("pci-root-invalid", Domain.class, PciChecks::root),
                RuleCheck.of("pci-controller-machine", Domain.class, PciChecks::controllerMachine),
                RuleCheck.of("pci-plug-invalid", Domain.class, PciChecks::plug),
                RuleCheck.of("address-reserved", Domain.class, PciChecks::piix3Slot));
    }

    static List<Controller> controllers(Domain d) {
        return Model.list(Model.devices(d).getController());
    }

    static OptionalLong index(Controller c) {
        return c.getIndex() == null ? OptionalLong.empty() : c.getIndex().nonNegativeValue();
    }

    static String model(Controller c) {
        return c.getModelAttribute();
    }

    /** The PCI controller with index {@code i}, or null. */
    static Controller pciController(Domain d, long i) {
        for (Controller c : controllers(d)) {
            if ("pci".equals(c.getType()) && index(c).isPresent() && index(c).getAsLong() == i) {
                return c;
            }
        }
        return null;
    }

    private static void indexDuplicate(Domain d, Consumer<Finding> out) {
        Map<String, Controller> seen = new HashMap<>();
        for (Controller c : controllers(d)) {
            // USB companion controllers share the index of their EHCI master
            if (c.getType() == null || "usb".equals(c.getType()) || index(c).isEmpty()) {
                continue;
            }
            Controller first = seen.putIfAbsent(c.getType() + "/" + index(c).getAsLong(), c);
            if (first != null) {
                out.accept(Finding.at(
                        c,
                        "index",
                        "Multiple '" + c.getType() + "' controllers with index '" + index(c).getAsLong() + "'"));
            }
        }
    }

    private static void root(Domain d, Consumer<Finding> out) {
        if (!Model.isQemu(d)) {
            return;
        }
        for (Controller c : controllers(d)) {
            String model = model(c);
            if (!"pci".equals(c.getType())) {
                continue;
            }
            boolean isRoot = "pci-root".equals(model) || "pcie-root".equals(model);
            OptionalLong i = index(c);
            if (isRoot && i.isPresent() && i.getAsLong() != 0 && !Model.machineStarts(d, "pseries")) {
                out.accept(Finding.at(
                        c,
                        "index",
                        "pci-root and pcie-root controllers should have index 0" + " (model='" + model + "' has index "
                                + i.getAsLong() + ")"));
            }
            if (isRoot && c.getAddress() != null && c.getAddress().getType() != null) {
                out.accept(Finding.at(c.getAddress(), "pci-root and pcie-root controllers should not have an address"));
            }
            if (i.isPresent() && i.getAsLong() == 0 && model != null) {
                String wanted = Model.isI440fx(d) ? "pci-root" : Model.isQ35(d) ? "pcie-root" : null;
                if (wanted != null && !wanted.equals(model)) {
                    out.accept(Finding.at(
                            c,
                            "model",
                            "The PCI controller with index='0' must be model='" + wanted
                                    + "' for this machine type, but model='" + model + "' was found instead"));
                }
            }
            pseriesPhb(d, c, out);
            expanderNode(d, c, out);
        }
    }

    /** pSeries PCI host bridges: target index 0 only on index 0, at most 30, and the default one has no NUMA node. */
    private static void pseriesPhb(Domain d, Controller c, Consumer<Finding> out) {
        if (!Model.machineStarts(d, "pseries") || !"pci-root".equals(model(c)) || c.getTarget() == null) {
            return;
        }
        OptionalLong i = index(c);
        OptionalLong target = Model.number(c.getTarget().getIndex());
        if (target.isPresent()) {
            if (i.isPresent() && (i.getAsLong() == 0) != (target.getAsLong() == 0)) {
                out.accept(Finding.at(
                        c.getTarget(),
                        "index",
                        "Only the PCI controller with index 0 can have target index 0, and vice versa"));
            } else if (target.getAsLong() > 30) {
                out.accept(Finding.at(
                        c.getTarget(),
                        "index",
                        "PCI controller target index '" + target.getAsLong() + "' out of range - must be 0-30"));
            }
        }
        if (i.isPresent() && i.getAsLong() == 0 && c.getTarget().getNode() != null) {
            out.accept(
                    Finding.at(c.getTarget(), "The PCI controller with index=0 can't be associated with a NUMA node"));
        }
    }

    /** An expander bus placed on a guest NUMA node the domain does not have. */
    private static void expanderNode(Domain d, Controller c, Consumer<Finding> out) {
        String model = model(c);
        if (c.getTarget() == null
                || c.getTarget().getNode() == null
                || c.getTarget().getNode().value() == null
                || !("pci-expander-bus".equals(model) || "pcie-expander-bus".equals(model))) {
            return;
        }
        OptionalLong node = c.getTarget().getNode().value().nonNegativeValue();
        int cells = NumaChecks.cells(d).size();
        if (node.isPresent() && node.getAsLong() >= cells) {
            out.accept(Finding.at(
                    c.getTarget().getNode(),
                    model + " with index " + index(c).orElse(-1)
                            + " is configured for a NUMA node (" + node.getAsLong() + ") not present in the domain's"
                            + " <cpu><numa> array (" + cells + ")"));
        }
    }

    private static void controllerMachine(Domain d, Consumer<Finding> out) {
        if (!Model.isQemu(d) || !Model.isI440fx(d)) {
            return;
        }
        for (Controller c : controllers(d)) {
            if ("pci".equals(c.getType()) && "pcie-expander-bus".equals(model(c))) {
                out.accept(Finding.at(
                        c,
                        "model",
                        "pcie-expander-bus controllers are not supported with this machine" + " type ('"
                                + Model.machine(d) + "')"));
            }
        }
    }

    private static void plug(Domain d, Consumer<Finding> out) {
        if (!Model.isQemu(d)) {
            return;
        }
        for (Controller c : controllers(d)) {
            Set<String> into = model(c) == null ? null : PLUGS_INTO.get(model(c));
            Address a = c.getAddress();
            if (!"pci".equals(c.getType()) || into == null || a == null || !"pci".equals(a.getType())) {
                continue;
            }
            OptionalLong bus = Model.number(a.getBus() == null ? "0" : a.getBus());
            Controller parent = bus.isPresent() ? pciController(d, bus.getAsLong()) : null;
            if (parent != null && model(parent) != null && !into.contains(model(parent))) {
                out.accept(Finding.at(
                        a,
                        "bus",
                        "The device at PCI address " + where(a) + " cannot be plugged into"
                                + " the PCI controller with index='" + bus.getAsLong()
                                + "'. It requires a controller that"
                                + " accepts a " + model(c) + "."));
            }
        }
        Iommu iommu = Model.devices(d).getIommu();
        if (iommu != null
                && "virtio".equals(iommu.getModel())
                && iommu.getAddress() != null
                && "pci".equals(iommu.getAddress().getType())) {
            OptionalLong bus = Model.number(iommu.getAddress().getBus());
            if (bus.isPresent() && bus.getAsLong() != 0) {
                out.accept(Finding.at(
                        iommu.getAddress(),
                        "bus",
                        "The device at PCI address " + where(iommu.getAddress())
                                + " needs to be an integrated device (bus=0)"));
            }
        }
    }

    static String where(Address a) {
        return String.format(
                "%04x:%02x:%02x.%x", num(a.getDomain()), num(a.getBus()), num(a.getSlot()), num(a.getFunction()));
    }

    private static long num(String s) {
        return Model.number(s).orElse(0);
    }

    /**
     * On i440fx, slot 0:1 is PIIX3's: function 1 the primary IDE controller, function 2 the first USB
     * controller; libvirt reserves the slot and refuses any other device there.
     */
    private static void piix3Slot(Domain d, Consumer<Finding> out) {
        if (!Model.isQemu(d) || !Model.isI440fx(d) || d.getDevices() == null) {
            return;
        }
        java.util.Set<Address> allowed = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Controller c : controllers(d)) {
            if (c.getAddress() != null
                    && index(c).orElse(-1) == 0
                    && ("ide".equals(c.getType()) || "usb".equals(c.getType()))) {
                allowed.add(c.getAddress());
            }
        }
        for (Address a : Model.deviceAddresses(d, out)) {
            if (allowed.contains(a) || !"pci".equals(a.getType())) {
                continue;
            }
            OptionalLong dom = Model.number(a.getDomain() == null ? "0" : a.getDomain());
            OptionalLong bus = Model.number(a.getBus() == null ? "0" : a.getBus());
            OptionalLong slot = Model.number(a.getSlot());
            if (dom.orElse(-1) == 0 && bus.orElse(-1) == 0 && slot.orElse(-1) == 1) {
                out.accept(Finding.at(
                        a,
                        "slot",
                        "Attempted double use of PCI Address " + where(a)
                                + " (slot 0:1 of an i440fx machine belongs to PIIX3)"));
            }
        }
    }
}
