package org.virtxml.model;

import java.util.Objects;

/**
 * Why a value read from a document is not acceptable to libvirt: the lint rule id it maps to and a
 * message worded like libvirt's own error text (without virsh's {@code error: <code>: } prefix).
 *
 * @param ruleId  the lint rule id (see the rule catalogue), e.g. {@code uuid-invalid}
 * @param message human-readable explanation
 */
public record ValueProblem(String ruleId, String message) {

    /** UUID text libvirt's {@code virUUIDParse} rejects. */
    public static final String UUID_INVALID = "uuid-invalid";
    /** Unit suffix {@code virScaleInteger} does not know. */
    public static final String UNIT_INVALID = "unit-invalid";
    /** Size number {@code virStrToLong_ullp} (base 10) rejects. */
    public static final String SIZE_INVALID = "size-invalid";
    /** Size beyond libvirt's limit. */
    public static final String SIZE_OVERFLOW = "size-overflow";
    /** cpuset text {@code virBitmapParse} rejects. */
    public static final String CPUSET_INVALID = "cpuset-invalid";
    /** cpuset that selects no CPU. */
    public static final String CPUSET_EMPTY = "cpuset-empty";
    /** PCI bus, slot or function out of range. */
    public static final String ADDRESS_PCI_RANGE = "address-pci-range";
    /**
     * A PCI address attribute that is not a non-negative 32-bit integer. Not (yet) in the rule
     * catalogue: the lead decides whether it gets its own id.
     */
    public static final String ADDRESS_PCI_INVALID = "address-pci-invalid";
    /** MAC address text {@code virMacAddrParse} rejects. */
    public static final String MAC_INVALID = "mac-invalid";
    /** Multicast MAC address on an interface. */
    public static final String MAC_MULTICAST = "mac-multicast";
    /**
     * Integer text libvirt's base-0 integer parsers reject. Not (yet) in the rule catalogue: the
     * place an integer is used decides which rule applies.
     */
    public static final String INTEGER_INVALID = "integer-invalid";
    /** IP address text libvirt's {@code virSocketAddrParse} rejects. */
    public static final String IP_ADDRESS_INVALID = "ip-address-invalid";
    /** VLAN tag id that is not a decimal number from 0 to 4095. */
    public static final String VLAN_ID_INVALID = "vlan-id-invalid";

    public ValueProblem {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(message, "message");
    }

    /** This problem as an exception, for the strict {@code parse} factories. */
    public IllegalArgumentException toException() {
        return new IllegalArgumentException(message);
    }
}
