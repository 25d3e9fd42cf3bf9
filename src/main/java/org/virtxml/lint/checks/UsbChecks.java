package org.virtxml.lint.checks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import org.virtxml.model.ModelElement;
import org.virtxml.model.domain.Address;
import org.virtxml.model.domain.Controller;
import org.virtxml.model.domain.DevicesInput;
import org.virtxml.model.domain.Domain;
import org.virtxml.model.domain.Hostdev;
import org.virtxml.model.domain.Hub;
import org.virtxml.model.domain.Redirdev;

/** USB controllers, hubs and ports (docs/rules-domain.md "PCI and USB"). */
final class UsbChecks {

    /** Ports of a USB hub (VIR_DOMAIN_USB_HUB_PORTS). */
    static final int HUB_PORTS = 8;
    /** The most ports QEMU's xHCI controllers take. */
    static final int XHCI_MAX_PORTS = 15;
    /** The deepest USB port path libvirt parses (a controller port and 3 hubs). */
    static final int MAX_PORT_DEPTH = 4;

    /** Root ports of the USB controller models whose count libvirt knows. */
    private static final Map<String, Integer> MODEL_PORTS = Map.ofEntries(
            Map.entry("piix3-uhci", 2),
            Map.entry("piix4-uhci", 2),
            Map.entry("vt82c686b-uhci", 2),
            Map.entry("ich9-uhci1", 2),
            Map.entry("ich9-uhci2", 2),
            Map.entry("ich9-uhci3", 2),
            Map.entry("ich9-ehci1", 6),
            Map.entry("pci-ohci", 3),
            Map.entry("nec-xhci", 4),
            Map.entry("qemu-xhci", 4));

    private UsbChecks() {}

    static List<RuleCheck<?>> entries() {
        return List.of(
                RuleCheck.of("usb-controller-invalid", Domain.class, UsbChecks::controller),
                RuleCheck.of("usb-disabled", Domain.class, UsbChecks::disabled),
                RuleCheck.of("usb-port-invalid", Domain.class, UsbChecks::ports));
    }

    private static List<Controller> usbControllers(Domain d) {
        return PciChecks.controllers(d).stream()
                .filter(c -> "usb".equals(c.getType()))
                .toList();
    }

    private static boolean none(Controller c) {
        return "none".equals(PciChecks.model(c));
    }

    private static void controller(Domain d, Consumer<Finding> out) {
        List<Controller> usb = usbControllers(d);
        boolean disabled = usb.stream().anyMatch(UsbChecks::none);
        for (Controller c : usb) {
            String model = PciChecks.model(c);
            OptionalLong ports =
                    c.getPorts() == null ? OptionalLong.empty() : c.getPorts().nonNegativeValue();
            if (("nec-xhci".equals(model) || "qemu-xhci".equals(model))
                    && ports.isPresent()
                    && ports.getAsLong() > XHCI_MAX_PORTS) {
                out.accept(Finding.at(
                        c, "ports", "'" + model + "' controller only supports up to '" + XHCI_MAX_PORTS + "' ports"));
            }
            if ("isapc".equals(Model.machine(d)) && !none(c) && Model.isQemu(d)) {
                out.accept(Finding.at(
                        c,
                        "No PCI buses available (machine 'isapc' has no PCI bus for a USB controller;"
                                + " use model='none')"));
            }
            if (disabled && !none(c)) {
                out.accept(Finding.at(c, "Can't add another USB controller: USB is disabled for this domain"));
            }
            if (model != null
                    && model.startsWith("ich9-uhci")
                    && c.getMaster() != null
                    && usb.stream()
                            .noneMatch(m -> "ich9-ehci1".equals(PciChecks.model(m))
                                    && PciChecks.index(m).equals(PciChecks.index(c)))) {
                out.accept(Finding.at(
                        c.getMaster(),
                        "No master USB controller specified (no ich9-ehci1 controller" + " with index "
                                + PciChecks.index(c).orElse(0) + " for companion '" + model + "')"));
            }
        }
    }

    private static void disabled(Domain d, Consumer<Finding> out) {
        List<Controller> usb = usbControllers(d);
        if (usb.isEmpty() || !usb.stream().allMatch(UsbChecks::none)) {
            return;
        }
        for (Hub h : Model.list(Model.devices(d).getHub())) {
            if ("usb".equals(h.getType())) {
                out.accept(Finding.at(h, "Can't add USB hub: USB is disabled for this domain"));
            }
        }
        for (DevicesInput i : Model.list(Model.devices(d).getInput())) {
            if ("usb".equals(i.getBus())) {
                out.accept(Finding.at(i, "bus", "Can't add USB input device. USB bus is disabled"));
            }
        }
        for (Hostdev h : Model.list(Model.devices(d).getHostdev())) {
            if ("usb".equals(h.getType())) {
                out.accept(Finding.at(h, "Can't add host USB device: USB is disabled in this host"));
            }
        }
        for (Redirdev r : Model.list(Model.devices(d).getRedirdev())) {
            if ("usb".equals(r.getBus())) {
                out.accept(Finding.at(r, "Can't add redirected USB device: USB is disabled for this domain"));
            }
        }
    }

    /** A USB address of a device: the element carrying it, bus and port path. */
    private record UsbPort(ModelElement owner, Address address, long bus, List<Integer> path) {
        String key() {
            return bus + ":" + path;
        }

        String port() {
            return String.join(".", path.stream().map(String::valueOf).toList());
        }
    }

    private static List<UsbPort> usbPorts(Domain d, Consumer<Finding> sink) {
        List<UsbPort> out = new ArrayList<>();
        for (Address a : Model.deviceAddresses(d, sink)) {
            if (!"usb".equals(a.getType()) || a.getPort() == null) {
                continue;
            }
            List<Integer> path = new ArrayList<>();
            for (String part : a.getPort().split("\\.", -1)) {
                OptionalLong v = Model.parseUnsignedDecimal(part);
                if (v.isEmpty() || v.getAsLong() == 0 || v.getAsLong() > 255) {
                    path = null;
                    break;
                }
                path.add((int) v.getAsLong());
            }
            OptionalLong bus = Model.number(a.getBus() == null ? "0" : a.getBus());
            if (path != null && path.size() > MAX_PORT_DEPTH) {
                out.add(new UsbPort(a, a, -1, List.copyOf(path)));
            } else if (path != null && !path.isEmpty() && bus.isPresent()) {
                out.add(new UsbPort(a, a, bus.getAsLong(), List.copyOf(path)));
            }
        }
        return out;
    }

    private static void ports(Domain d, Consumer<Finding> out) {
        List<UsbPort> ports = usbPorts(d, out);
        Set<String> hubs = new HashSet<>();
        for (Hub h : Model.list(Model.devices(d).getHub())) {
            if (h.getAddress() != null) {
                ports.stream().filter(p -> p.address() == h.getAddress()).forEach(p -> hubs.add(p.key()));
            }
        }
        Map<String, UsbPort> seen = new HashMap<>();
        for (UsbPort p : ports) {
            if (p.bus() < 0) {
                out.accept(Finding.at(
                        p.address(),
                        "port",
                        "Cannot parse <address> 'port' attribute: '" + p.port() + "' is deeper than " + MAX_PORT_DEPTH
                                + " levels"));
                continue;
            }
            UsbPort first = seen.putIfAbsent(p.key(), p);
            if (first != null) {
                out.accept(
                        Finding.at(p.address(), "port", "Duplicate USB address bus " + p.bus() + " port " + p.port()));
                continue;
            }
            for (int depth = 1; depth < p.path().size(); depth++) {
                List<Integer> upstream = p.path().subList(0, depth);
                if (!hubs.contains(p.bus() + ":" + upstream)) {
                    out.accept(Finding.at(
                            p.address(),
                            "port",
                            "there is no hub at port "
                                    + String.join(
                                            ".",
                                            upstream.stream()
                                                    .map(String::valueOf)
                                                    .toList())
                                    + " in USB address bus: " + p.bus() + " port: " + p.port()));
                    break;
                }
                if (p.path().get(depth) > HUB_PORTS) {
                    out.accept(Finding.at(
                            p.address(),
                            "port",
                            "requested USB port " + p.port() + " not present on USB bus " + p.bus() + " (a hub has "
                                    + HUB_PORTS + " ports)"));
                    break;
                }
            }
            rootPort(d, p, out);
        }
    }

    /** The first port of the path against the controller's root ports, when its model or ports say how many. */
    private static void rootPort(Domain d, UsbPort p, Consumer<Finding> out) {
        List<Controller> onBus = usbControllers(d).stream()
                .filter(c ->
                        PciChecks.index(c).isPresent() && PciChecks.index(c).getAsLong() == p.bus())
                .toList();
        if (onBus.size() != 1) {
            return;
        }
        Controller c = onBus.get(0);
        OptionalLong explicit =
                c.getPorts() == null ? OptionalLong.empty() : c.getPorts().nonNegativeValue();
        Integer byModel = PciChecks.model(c) == null ? null : MODEL_PORTS.get(PciChecks.model(c));
        long max = explicit.isPresent() ? explicit.getAsLong() : byModel == null ? -1 : byModel;
        if (max > 0 && p.path().get(0) > max) {
            out.accept(Finding.at(
                    p.address(),
                    "port",
                    "requested USB port " + p.port() + " not present on USB bus " + p.bus() + " (controller '"
                            + PciChecks.model(c) + "' has " + max + " ports)"));
        }
    }
}
