package org.virtxml.model.domain;

import java.util.Objects;
import java.util.Set;
import org.virtxml.model.IntegerText;
import org.virtxml.model.ModelElement;

/**
 * What an interface's {@code type} attribute selects, with the {@code <source>} attributes that
 * belong to it (libvirt's choice of interface groups): {@link Other} for the types without a
 * source of their own here ({@code null}, {@code vds}) and for a type this libvirt version does
 * not know. Read it with {@link InterfaceView#source()}, set it with
 * {@link InterfaceView#source(InterfaceSourceVariant)}: setting writes the {@code type} attribute and
 * clears the other variants' source attributes. A variant is a value: changing it does not change
 * the interface.
 */
public sealed interface InterfaceSourceVariant {

    /** The interface's {@code type} attribute for this variant. */
    default String type() {
        return this instanceof Network
                ? InterfaceTypes.NETWORK
                : this instanceof Bridge
                        ? InterfaceTypes.BRIDGE
                        : this instanceof Direct
                                ? InterfaceTypes.DIRECT
                                : this instanceof Hostdev
                                        ? InterfaceTypes.HOSTDEV
                                        : this instanceof User
                                                ? InterfaceTypes.USER
                                                : this instanceof Ethernet
                                                        ? InterfaceTypes.ETHERNET
                                                        : this instanceof Vhostuser
                                                                ? InterfaceTypes.VHOSTUSER
                                                                : this instanceof Vdpa
                                                                        ? InterfaceTypes.VDPA
                                                                        : InterfaceTypes.INTERNAL;
    }

    /** {@code type='network'}: a libvirt virtual network, {@code <source network=... portgroup=...>}. */
    record Network(String network, String portgroup) implements InterfaceSourceVariant {
        public Network(String network) {
            this(network, null);
        }
    }

    /** {@code type='bridge'}: a host bridge, {@code <source bridge=...>}. */
    record Bridge(String bridge) implements InterfaceSourceVariant {}

    /** {@code type='direct'}: macvtap on a host device, {@code <source dev=... mode=...>} (libvirt's default mode is vepa). */
    record Direct(String dev, String mode) implements InterfaceSourceVariant {}

    /** {@code type='hostdev'}: a host PCI or USB network device passed through, {@code <source><address .../></source>}. */
    record Hostdev(InterfaceSourceAddress address) implements InterfaceSourceVariant {}

    /** {@code type='user'}: user-mode networking (slirp or passt), {@code <source dev=...>} optional. */
    record User(String dev) implements InterfaceSourceVariant {
        public User() {
            this(null);
        }
    }

    /** {@code type='ethernet'}: a tap device set up by a script or by hand; no source. */
    record Ethernet() implements InterfaceSourceVariant {}

    /** {@code type='vhostuser'}: a vhost-user socket, {@code <source type='unix' path=... mode='server|client'>}. */
    record Vhostuser(String path, String mode) implements InterfaceSourceVariant {}

    /** {@code type='vdpa'}: a vDPA character device, {@code <source dev=...>}. */
    record Vdpa(String dev) implements InterfaceSourceVariant {}

    /** A QEMU socket backend: {@code type} is one of {@code mcast}, {@code client}, {@code server}, {@code udp}. */
    record Socket(String type, String address, IntegerText port) implements InterfaceSourceVariant {
        static final Set<String> TYPES =
                Set.of(InterfaceTypes.MCAST, InterfaceTypes.CLIENT, InterfaceTypes.SERVER, InterfaceTypes.UDP);

        public Socket {
            if (!TYPES.contains(type)) {
                throw new IllegalArgumentException(
                        "not a socket interface type: " + type + " (one of mcast, client, server, udp)");
            }
        }
    }

    /** {@code type='internal'}: a named internal network (VirtualBox), {@code <source name=...>}. */
    record Internal(String name) implements InterfaceSourceVariant {}

    /** Any other type, known ({@code null}, {@code vds}) or not; its source only through {@code getSource()}. */
    record Other(String type) implements InterfaceSourceVariant {
        public Other {
            Objects.requireNonNull(type, "type");
        }
    }

    /** The variant an interface's type and source select; an interface without a type is {@code Other("")}. */
    static InterfaceSourceVariant of(String type, InterfaceSource s) {
        InterfaceSource src = s == null ? new InterfaceSource() : s;
        String t = type == null ? "" : type;
        if (Socket.TYPES.contains(t)) {
            return new Socket(t, src.getAddressAttribute(), src.getPort());
        }
        return switch (t) {
            case InterfaceTypes.NETWORK -> new Network(src.getNetwork(), src.getPortgroup());
            case InterfaceTypes.BRIDGE -> new Bridge(src.getBridge());
            case InterfaceTypes.DIRECT -> new Direct(src.getDev(), src.getMode());
            case InterfaceTypes.HOSTDEV ->
                new Hostdev(src.getAddress() == null ? null : ModelElement.copyOf(src.getAddress()));
            case InterfaceTypes.USER -> new User(src.getDev());
            case InterfaceTypes.ETHERNET -> new Ethernet();
            case InterfaceTypes.VHOSTUSER -> new Vhostuser(src.getPath(), src.getMode());
            case InterfaceTypes.VDPA -> new Vdpa(src.getDev());
            case InterfaceTypes.INTERNAL -> new Internal(src.getName());
            default -> new Other(t);
        };
    }

    /** Clears every variant's source attributes from {@code s} and writes this variant's. */
    static void write(InterfaceSourceVariant v, InterfaceSource s) {
        s.setNetwork(null);
        s.setPortgroup(null);
        s.setPortid(null);
        s.setBridge(null);
        s.setMacTableManager(null);
        s.setDev(null);
        s.setMode(null);
        s.setAddress(null);
        s.setMissing(null);
        s.setType(null);
        s.setPath(null);
        s.setReconnect(null);
        s.setAddressAttribute(null);
        s.setPort(null);
        s.setLocal(null);
        s.setName(null);
        s.setSwitchid(null);
        s.setPortgroupid(null);
        s.setConnectionid(null);
        if (v instanceof Network n) {
            s.setNetwork(n.network());
            s.setPortgroup(n.portgroup());
        } else if (v instanceof Bridge b) {
            s.setBridge(b.bridge());
        } else if (v instanceof Direct d) {
            s.setDev(d.dev());
            s.setMode(d.mode());
        } else if (v instanceof Hostdev h) {
            s.setAddress(h.address() == null ? null : ModelElement.copyOf(h.address()));
        } else if (v instanceof User u) {
            s.setDev(u.dev());
        } else if (v instanceof Vhostuser u) {
            s.setType("unix");
            s.setPath(u.path());
            s.setMode(u.mode());
        } else if (v instanceof Vdpa d) {
            s.setDev(d.dev());
        } else if (v instanceof Socket k) {
            s.setAddressAttribute(k.address());
            s.setPort(k.port());
        } else if (v instanceof Internal i) {
            s.setName(i.name());
        }
    }
}
