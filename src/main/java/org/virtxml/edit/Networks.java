package org.virtxml.edit;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.virtxml.model.MacAddress;
import org.virtxml.model.PciAddress;
import org.virtxml.model.domain.Devices;
import org.virtxml.model.domain.Domain;
import org.virtxml.model.domain.Hostdev;
import org.virtxml.model.domain.HostdevDriver;
import org.virtxml.model.domain.HostdevSource;
import org.virtxml.model.domain.HostdevSourceAddress;
import org.virtxml.model.domain.HostdevSourceVariant;
import org.virtxml.model.domain.Interface;
import org.virtxml.model.domain.InterfaceSourceAddress;

/**
 * Network set-ups of a domain (KVM guide chapter 6): add, re-point or remove NICs (NAT network,
 * bridge, direct/macvtap, SR-IOV VF), and assign or release whole PCI devices (managed hostdev).
 * Each method changes the domain in place and returns it with what it changed, as an
 * {@link EditResult}; everything it does not touch (other devices, content the model does not
 * type) stays as it was.
 */
public final class Networks {
    private final RandomGenerator random;

    private Networks(RandomGenerator random) {
        this.random = java.util.Objects.requireNonNull(random, "random");
    }

    /** Network set-ups drawing new MACs from a strong random source. */
    public static Networks withSecureRandom() {
        return new Networks(new java.security.SecureRandom());
    }

    /** Network set-ups drawing new MACs from {@code random} (a seeded one gives repeatable output). */
    public static Networks withRandom(RandomGenerator random) {
        return new Networks(random);
    }

    /** Adds a NIC with a new MAC ({@code 52:54:00:...}, unique in the domain) and model virtio. */
    public EditResult<Domain> addInterface(Domain domain, InterfaceSpec spec) throws EditRefusedException {
        Devices devices = devices(domain);
        if (spec instanceof InterfaceSpec.SriovVf vf) {
            refuseAssigned(devices, vf.address());
        }
        MacAddress mac = newMac(devices);
        devices.getInterface().add(Interfaces.build(spec, mac, "virtio"));
        return edited(
                domain,
                new Change(
                        "/domain/devices/interface[" + devices.getInterface().size() + "]",
                        "added " + Interfaces.describe(spec) + " with MAC " + mac.text()
                                + (spec.hasModel() ? ", model virtio" : "")));
    }

    /** Re-points the NIC with this MAC to {@code spec}, keeping its MAC, model, boot order and guest address. */
    public EditResult<Domain> replaceInterface(Domain domain, MacAddress mac, InterfaceSpec spec)
            throws EditRefusedException {
        Devices devices = devices(domain);
        int i = indexOf(devices, mac);
        if (spec instanceof InterfaceSpec.SriovVf vf) {
            refuseAssigned(devices, vf.address());
        }
        Interface nic = devices.getInterface().get(i);
        String before = nic.getType();
        Interfaces.attach(nic, spec);
        if (spec.hasModel() && nic.getModel() == null) {
            org.virtxml.model.domain.InterfaceModel m = new org.virtxml.model.domain.InterfaceModel();
            m.setType("virtio");
            nic.setModel(m);
        }
        return edited(
                domain,
                new Change(
                        "/domain/devices/interface[" + (i + 1) + "]",
                        "type " + before + " → " + Interfaces.describe(spec) + " (MAC " + mac.text() + " kept)"));
    }

    /** Removes the NIC with this MAC (compared as libvirt does, case-insensitively). */
    public EditResult<Domain> removeInterface(Domain domain, MacAddress mac) throws EditRefusedException {
        Devices devices = devices(domain);
        int i = indexOf(devices, mac);
        devices.getInterface().remove(i);
        return edited(
                domain, new Change("/domain/devices/interface[" + (i + 1) + "]", "removed (MAC " + mac.text() + ")"));
    }

    /** Assigns the host PCI device at {@code address} to the guest (managed, VFIO). */
    public EditResult<Domain> addHostdev(Domain domain, PciAddress address) throws EditRefusedException {
        if (!address.isValid()) {
            throw new EditRefusedException(
                    "invalid PCI address: " + address.problem().orElseThrow().message());
        }
        Devices devices = devices(domain);
        refuseAssigned(devices, address);
        Hostdev h = new Hostdev();
        h.setMode("subsystem");
        h.setType("pci");
        h.setManaged("yes");
        HostdevDriver driver = new HostdevDriver();
        driver.setName("vfio");
        h.setDriver(driver);
        HostdevSource source = new HostdevSource();
        PciAttributes p = PciAttributes.of(address);
        HostdevSourceAddress a = new HostdevSourceAddress();
        a.setDomain(p.domain());
        a.setBus(p.bus());
        a.setSlot(p.slot());
        a.setFunction(p.function());
        source.setAddress(a);
        h.setSource(source);
        devices.getHostdev().add(h);
        return edited(
                domain,
                new Change(
                        "/domain/devices/hostdev[" + devices.getHostdev().size() + "]",
                        "assigned PCI device " + address.canonical() + " (managed, vfio)"));
    }

    /** Releases the PCI device at {@code address} (a hostdev, or an SR-IOV interface on it). */
    public EditResult<Domain> removeHostdev(Domain domain, PciAddress address) throws EditRefusedException {
        Devices devices = devices(domain);
        List<Hostdev> hostdevs = devices.getHostdev();
        for (int i = 0; i < hostdevs.size(); i++) {
            if (pciOf(hostdevs.get(i)).filter(address::sameValueAs).isPresent()) {
                hostdevs.remove(i);
                return edited(
                        domain,
                        new Change(
                                "/domain/devices/hostdev[" + (i + 1) + "]",
                                "removed PCI device " + address.canonical()));
            }
        }
        List<Interface> nics = devices.getInterface();
        for (int i = 0; i < nics.size(); i++) {
            if (pciOf(nics.get(i)).filter(address::sameValueAs).isPresent()) {
                nics.remove(i);
                return edited(
                        domain,
                        new Change(
                                "/domain/devices/interface[" + (i + 1) + "]",
                                "removed SR-IOV VF " + address.canonical()));
            }
        }
        throw new EditRefusedException("no PCI device " + address.canonical() + " is assigned to the domain");
    }

    /** The MACs of every NIC of the domain. */
    static Set<MacAddress> macsOf(Devices devices) {
        Set<MacAddress> out = new HashSet<>();
        for (Interface nic : devices.getInterface()) {
            if (nic.getMac() != null
                    && nic.getMac().getAddress() != null
                    && nic.getMac().getAddress().isParsable()) {
                out.add(MacAddress.ofOctets(nic.getMac().getAddress().octets()));
            }
        }
        return out;
    }

    private MacAddress newMac(Devices devices) {
        Set<MacAddress> used = macsOf(devices);
        while (true) {
            MacAddress m = MacAddress.randomKvm(random);
            if (!used.contains(m)) {
                return m;
            }
        }
    }

    private static int indexOf(Devices devices, MacAddress mac) throws EditRefusedException {
        List<Interface> nics = devices.getInterface();
        for (int i = 0; i < nics.size(); i++) {
            Interface nic = nics.get(i);
            if (nic.getMac() != null
                    && nic.getMac().getAddress() != null
                    && nic.getMac().getAddress().sameValueAs(mac)) {
                return i;
            }
        }
        throw new EditRefusedException("no interface with MAC " + mac.text());
    }

    private static void refuseAssigned(Devices devices, PciAddress address) throws EditRefusedException {
        for (Hostdev h : devices.getHostdev()) {
            if (pciOf(h).filter(address::sameValueAs).isPresent()) {
                throw new EditRefusedException("PCI device " + address.canonical() + " is already assigned (hostdev)");
            }
        }
        for (Interface nic : devices.getInterface()) {
            if (pciOf(nic).filter(address::sameValueAs).isPresent()) {
                throw new EditRefusedException(
                        "PCI device " + address.canonical() + " is already assigned (SR-IOV interface)");
            }
        }
    }

    static Optional<PciAddress> pciOf(Hostdev h) {
        if (!(h.source() instanceof HostdevSourceVariant.Pci pci) || pci.address() == null) {
            return Optional.empty();
        }
        HostdevSourceAddress a = pci.address();
        return PciAttributes.read(a.getDomain(), a.getBus(), a.getSlot(), a.getFunction());
    }

    static Optional<PciAddress> pciOf(Interface nic) {
        if (!"hostdev".equals(nic.getType())
                || nic.getSource() == null
                || nic.getSource().getAddress() == null) {
            return Optional.empty();
        }
        InterfaceSourceAddress a = nic.getSource().getAddress();
        return PciAttributes.read(a.getDomain(), a.getBus(), a.getSlot(), a.getFunction());
    }

    private static Devices devices(Domain domain) {
        if (domain.getDevices() == null) {
            domain.setDevices(new Devices());
        }
        return domain.getDevices();
    }

    private static EditResult<Domain> edited(Domain domain, Change change) {
        return new EditResult<>(domain, List.of(change));
    }
}
