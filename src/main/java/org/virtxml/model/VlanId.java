package org.virtxml.model;

import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;

/**
 * A VLAN tag id exactly as written ({@code <vlan><tag id='42'/></vlan>}).
 *
 * <p>libvirt reads it with {@code virXMLPropUInt(.., 10, ..)} (netdev_vlan_conf.c): decimal only
 * (leading ASCII blanks and one {@code +} allowed, as {@code strtoul} reads them), no {@code -}
 * sign, nothing after the digits, then at most 4095. {@link #problem()} reports text it cannot
 * read and ids above 4095 as {@code vlan-id-invalid}, in libvirt's words.
 *
 * <p>Equality is on the exact text; {@link #sameValueAs(VlanId)} compares the numbers.
 */
public final class VlanId extends TextValue<Integer> {

    /** The largest id an 802.1Q tag holds. */
    public static final int MAX = 4095;

    private static final BigInteger UINT_MAX = BigInteger.valueOf(0xFFFFFFFFL);

    private VlanId(String text, Integer read) {
        super(text, read);
    }

    /** Keeps any text; never throws. Problems are reported by {@link #problem()}. */
    public static VlanId of(String text) {
        Objects.requireNonNull(text, "text");
        BigInteger v = CNumber.nonNegative(text, 10, UINT_MAX);
        return new VlanId(text, v == null || v.compareTo(BigInteger.valueOf(MAX)) > 0 ? null : v.intValue());
    }

    /** The id written in decimal. */
    public static VlanId of(int id) {
        return parse(Integer.toString(id));
    }

    /** Like {@link #of(String)} but throws {@link IllegalArgumentException} for an id libvirt refuses. */
    public static VlanId parse(String text) {
        return withoutProblem(of(text));
    }

    /** Whether libvirt accepts the id (a number from 0 to 4095). */
    public boolean isValid() {
        return read() != null;
    }

    /**
     * {@code vlan-id-invalid}: "Invalid value for attribute 'id' in element 'tag': '...'. Expected
     * non-negative integer value" or "vlan tag id N too large (maximum 4095)".
     */
    @Override
    public Optional<ValueProblem> problem() {
        if (isValid()) {
            return Optional.empty();
        }
        BigInteger v = CNumber.nonNegative(text(), 10, UINT_MAX);
        return Optional.of(new ValueProblem(
                ValueProblem.VLAN_ID_INVALID,
                v == null
                        ? "Invalid value for attribute 'id' in element 'tag': '" + text()
                                + "'. Expected non-negative integer value"
                        : "vlan tag id " + v + " too large (maximum " + MAX + ")"));
    }

    /**
     * The id.
     *
     * @throws IllegalStateException when libvirt refuses the text
     */
    public int value() {
        return requireRead();
    }

    /** Whether both read as the same id; unreadable texts are only the same value as the same text. */
    public boolean sameValueAs(VlanId other) {
        return sameReadAs(other);
    }
}
