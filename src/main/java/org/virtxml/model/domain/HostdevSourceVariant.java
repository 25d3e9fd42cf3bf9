package org.virtxml.model.domain;

import java.util.Objects;
import org.virtxml.model.ModelElement;
import org.virtxml.model.PciAddress;
import org.virtxml.model.Uuid;

/**
 * What a hostdev's {@code mode} and {@code type} select, with the {@code <source>} content that
 * belongs to it: the subsystem devices ({@code mode='subsystem'}, libvirt's default) {@link Pci},
 * {@link Usb}, {@link Scsi}, {@link ScsiHost} and {@link Mdev}, the capabilities devices
 * ({@code mode='capabilities'}) {@link Storage}, {@link Misc} and {@link Net}, and {@link Other} for
 * anything else. Read it with {@link HostdevView#source()}, set it with
 * {@link HostdevView#source(HostdevSourceVariant)}. A variant is a value: it holds copies.
 */
public sealed interface HostdevSourceVariant {

    /** {@code mode='subsystem'}, libvirt's default. */
    String SUBSYSTEM = "subsystem";
    /** {@code mode='capabilities'}. */
    String CAPABILITIES = "capabilities";

    /** The hostdev's {@code mode} for this variant. */
    default String mode() {
        return this instanceof Storage || this instanceof Misc || this instanceof Net ? CAPABILITIES : SUBSYSTEM;
    }

    /** The hostdev's {@code type} for this variant. */
    default String type() {
        return this instanceof Pci
                ? "pci"
                : this instanceof Usb
                        ? "usb"
                        : this instanceof Scsi
                                ? "scsi"
                                : this instanceof ScsiHost
                                        ? "scsi_host"
                                        : this instanceof Mdev
                                                ? "mdev"
                                                : this instanceof Storage
                                                        ? "storage"
                                                        : this instanceof Misc ? "misc" : "net";
    }

    /** A host PCI device, {@code <source><address domain=... bus=... slot=... function=.../></source>}. */
    record Pci(HostdevSourceAddress address) implements HostdevSourceVariant {
        /** The PCI address these attributes spell; null without an address. */
        public PciAddress pciAddress() {
            return address == null ? null : address.pciAddress();
        }
    }

    /** A host USB device by {@code <vendor id>} and {@code <product id>}, and/or by {@code <address bus device>}. */
    record Usb(String vendorId, String productId, HostdevSourceAddress address) implements HostdevSourceVariant {}

    /** A host SCSI device: an {@code <adapter name>} with an {@code <address bus target unit>}, or an iSCSI LUN ({@code protocol}, {@code name}). */
    record Scsi(String adapter, HostdevSourceAddress address, String protocol, String name)
            implements HostdevSourceVariant {}

    /** A vhost SCSI host, {@code <source protocol='vhost' wwpn=...>}. */
    record ScsiHost(String protocol, String wwpn) implements HostdevSourceVariant {}

    /** A mediated device, {@code <source><address uuid=.../></source>}. */
    record Mdev(Uuid uuid) implements HostdevSourceVariant {}

    /** A host block device handed to a container, {@code <source><block>/dev/...</block></source>}. */
    record Storage(String block) implements HostdevSourceVariant {}

    /** A host character device handed to a container, {@code <source><char>/dev/...</char></source>}. */
    record Misc(String charDevice) implements HostdevSourceVariant {}

    /** A host network interface handed to a container, {@code <source><interface>eth0</interface></source>}. */
    record Net(String interfaceName) implements HostdevSourceVariant {}

    /** A mode and type libvirt 11.3 does not define; its source only through {@code getSource()}. */
    record Other(String mode, String type) implements HostdevSourceVariant {
        public Other {
            Objects.requireNonNull(mode, "mode");
        }
    }

    /** The variant a hostdev's mode, type and source select, read from the flat storage. */
    static HostdevSourceVariant of(String mode, String type, HostdevSource s) {
        String m = mode == null ? SUBSYSTEM : mode;
        String t = type == null ? "" : type;
        HostdevSource src = s == null ? new HostdevSource() : s;
        HostdevSourceAddress a = src.getAddress() == null ? null : ModelElement.copyOf(src.getAddress());
        if (m.equals(SUBSYSTEM)) {
            switch (t) {
                case "pci":
                    return new Pci(a);
                case "usb":
                    return new Usb(
                            src.getVendor() == null ? null : src.getVendor().getId(),
                            src.getProduct() == null ? null : src.getProduct().getId(),
                            a);
                case "scsi":
                    return new Scsi(
                            src.getAdapter() == null ? null : src.getAdapter().getName(),
                            a,
                            src.getProtocol(),
                            src.getName());
                case "scsi_host":
                    return new ScsiHost(src.getProtocol(), src.getWwpn());
                case "mdev":
                    return new Mdev(a == null ? null : a.getUuid());
                default:
                    return new Other(m, type);
            }
        }
        if (m.equals(CAPABILITIES)) {
            switch (t) {
                case "storage":
                    return new Storage(text(src.getBlock()));
                case "misc":
                    return new Misc(text(src.getChar()));
                case "net":
                    return new Net(text(src.getInterface()));
                default:
                    return new Other(m, type);
            }
        }
        return new Other(m, type);
    }

    private static String text(ModelElement e) {
        return e == null ? null : e.getText();
    }

    /** Clears every variant's source content from {@code s} and writes this variant's. */
    static void write(HostdevSourceVariant v, HostdevSource s) {
        s.setAddress(null);
        s.setVendor(null);
        s.setProduct(null);
        s.setAdapter(null);
        s.getHost().clear();
        s.setAuth(null);
        s.setInitiator(null);
        s.setProtocol(null);
        s.setName(null);
        s.setWwpn(null);
        s.setBlock(null);
        s.setChar(null);
        s.setInterface(null);
        if (v instanceof Pci p) {
            s.setAddress(copy(p.address()));
        } else if (v instanceof Usb u) {
            s.setVendor(u.vendorId() == null ? null : new Vendor().withId(u.vendorId()));
            s.setProduct(u.productId() == null ? null : new Product().withId(u.productId()));
            s.setAddress(copy(u.address()));
        } else if (v instanceof Scsi c) {
            s.setAdapter(c.adapter() == null ? null : new Adapter().withName(c.adapter()));
            s.setAddress(copy(c.address()));
            s.setProtocol(c.protocol());
            s.setName(c.name());
        } else if (v instanceof ScsiHost h) {
            s.setProtocol(h.protocol());
            s.setWwpn(h.wwpn());
        } else if (v instanceof Mdev d) {
            s.setAddress(d.uuid() == null ? null : new HostdevSourceAddress().withUuid(d.uuid()));
        } else if (v instanceof Storage b) {
            s.setBlock(b.block() == null ? null : org.virtxml.model.Leaf.of(b.block()));
        } else if (v instanceof Misc c) {
            s.setChar(c.charDevice() == null ? null : org.virtxml.model.Leaf.of(c.charDevice()));
        } else if (v instanceof Net n) {
            s.setInterface(n.interfaceName() == null ? null : org.virtxml.model.Leaf.of(n.interfaceName()));
        }
    }

    private static HostdevSourceAddress copy(HostdevSourceAddress a) {
        return a == null ? null : ModelElement.copyOf(a);
    }
}
