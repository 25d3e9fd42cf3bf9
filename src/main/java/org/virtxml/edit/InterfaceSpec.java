package org.virtxml.edit;

import java.util.Objects;
import org.virtxml.model.PciAddress;

/**
 * How a guest NIC reaches the network (KVM guide chapter 6): NAT on a libvirt network, a host
 * bridge, a direct (macvtap) attachment to a host interface, or an SR-IOV virtual function passed
 * through as an {@code <interface type='hostdev'>}.
 */
public sealed interface InterfaceSpec {

    /** The value of {@code <interface type>}. */
    String interfaceType();

    /** Whether the guest sees an emulated or paravirtual model (not so for a passed-through VF). */
    default boolean hasModel() {
        return true;
    }

    /** A libvirt virtual network, NAT by default ({@code <source network>}). */
    record Network(String network) implements InterfaceSpec {
        public Network {
            requireName(network, "network");
        }

        @Override
        public String interfaceType() {
            return "network";
        }
    }

    /** A host bridge such as br0 ({@code <source bridge>}). */
    record Bridge(String bridge) implements InterfaceSpec {
        public Bridge {
            requireName(bridge, "bridge");
        }

        @Override
        public String interfaceType() {
            return "bridge";
        }
    }

    /** macvtap on a host interface ({@code <source dev mode>}); mode bridge, vepa, private or passthrough. */
    record Direct(String dev, String mode) implements InterfaceSpec {
        public Direct {
            requireName(dev, "dev");
            Objects.requireNonNull(mode, "mode");
            if (!java.util.Set.of("bridge", "vepa", "private", "passthrough").contains(mode)) {
                throw new IllegalArgumentException("direct mode must be bridge, vepa, private or passthrough: " + mode);
            }
        }

        public Direct(String dev) {
            this(dev, "bridge");
        }

        @Override
        public String interfaceType() {
            return "direct";
        }
    }

    /** An SR-IOV virtual function at a host PCI address, managed by libvirt. */
    record SriovVf(PciAddress address) implements InterfaceSpec {
        public SriovVf {
            Objects.requireNonNull(address, "address");
            if (!address.isValid()) {
                throw new IllegalArgumentException("invalid PCI address: "
                        + address.problem().orElseThrow().message());
            }
        }

        @Override
        public String interfaceType() {
            return "hostdev";
        }

        @Override
        public boolean hasModel() {
            return false;
        }
    }

    /**
     * Reads {@code network:NAME}, {@code bridge:NAME}, {@code direct:DEV[:MODE]} or
     * {@code sriov:PCI} (PCI as {@code 0000:03:10.2}).
     */
    static InterfaceSpec parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException(
                    "expected network:NAME, bridge:NAME, direct:DEV[:MODE] or sriov:PCI, got '" + text + "'");
        }
        String kind = text.substring(0, colon);
        String rest = text.substring(colon + 1);
        return switch (kind) {
            case "network" -> new Network(rest);
            case "bridge" -> new Bridge(rest);
            case "direct" -> {
                int c = rest.indexOf(':');
                yield c < 0 ? new Direct(rest) : new Direct(rest.substring(0, c), rest.substring(c + 1));
            }
            case "sriov" -> new SriovVf(PciAddress.parse(rest));
            default ->
                throw new IllegalArgumentException(
                        "unknown interface kind '" + kind + "': expected network, bridge, direct or sriov");
        };
    }

    private static void requireName(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
    }
}
