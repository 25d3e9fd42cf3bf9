package org.virtxml.model;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * A MAC address exactly as written ({@code <mac address='52:54:00:12:34:56'/>}).
 *
 * <p>Validity follows libvirt's {@code virMacAddrParse}: six groups of one or two hex digits
 * (either case) separated by {@code :}; each group must start with a hex digit (no leading blank
 * or {@code +}); {@code 52:54:0:1:2:3} is valid and means {@code 52:54:00:01:02:03}. The character
 * right after the sixth group must be the end of the text or a character at or below {@code ' '}
 * (libvirt then stops reading, so what follows that character is ignored). On platforms where C
 * {@code char} is signed (x86), non-ASCII bytes also compare below {@code ' '}; this class follows
 * that, treating any character above U+007F like a blank. {@code -} or {@code .} separators and
 * five or seven groups are rejected.
 *
 * <p>On interfaces libvirt also rejects multicast addresses (least significant bit of the first
 * octet set, broadcast included): {@link #problem()} reports those as {@code mac-multicast}.
 *
 * <p>Equality is on the exact text; {@link #sameValueAs(MacAddress)} compares octets.
 */
public final class MacAddress extends TextValue<byte[]> {

    private static final HexFormat HEX = HexFormat.ofDelimiter(":");

    private MacAddress(String text, byte[] octets) {
        super(text, octets);
    }

    /** Keeps any text; never throws. Problems are reported by {@link #problem()}. */
    public static MacAddress of(String text) {
        Objects.requireNonNull(text, "text");
        return new MacAddress(text, parseOctets(text));
    }

    /**
     * Like {@link #of(String)} but throws {@link IllegalArgumentException} for text libvirt cannot
     * parse. A multicast address is returned (check {@link #isMulticast()}).
     */
    public static MacAddress parse(String text) {
        MacAddress result = of(text);
        if (!result.isParsable()) {
            throw result.problem().orElseThrow().toException();
        }
        return result;
    }

    /** The given six octets in canonical form. */
    public static MacAddress ofOctets(byte[] octets) {
        if (octets.length != 6) {
            throw new IllegalArgumentException("a MAC address has 6 octets, not " + octets.length);
        }
        return of(HEX.formatHex(octets));
    }

    /**
     * A random address with the KVM/QEMU prefix {@code 52:54:00}, as libvirt generates for
     * QEMU/KVM guests ({@code virMacAddrGenerate}); always unicast.
     */
    public static MacAddress randomKvm(RandomGenerator random) {
        byte[] b = {0x52, 0x54, 0x00, 0, 0, 0};
        byte[] tail = new byte[3];
        random.nextBytes(tail);
        System.arraycopy(tail, 0, b, 3, 3);
        return ofOctets(b);
    }

    private static byte[] parseOctets(String s) {
        byte[] out = new byte[6];
        int i = 0;
        for (int group = 0; group < 6; group++) {
            int start = i;
            if (i >= s.length() || !CNumber.isHexDigit(s.charAt(i))) {
                return null;
            }
            // strtoul(.., 16) would also take a "0x" prefix: such a group is longer than 2
            CNumber.Scan scan = CNumber.scan(s, i, 16);
            int length = scan.end() - start;
            if (length < 1 || length > 2) {
                return null;
            }
            out[group] = (byte) scan.magnitude().intValue();
            i = scan.end();
            if (group == 5) {
                return i >= s.length() || s.charAt(i) <= ' ' || s.charAt(i) > 0x7F ? out : null;
            }
            if (i >= s.length() || s.charAt(i) != ':') {
                return null;
            }
            i++;
        }
        return null;
    }

    /** Whether libvirt can parse the text (a multicast address is parsable). */
    public boolean isParsable() {
        return read() != null;
    }

    /** Whether parsable and unicast: what libvirt accepts on an interface. */
    public boolean isValid() {
        return isParsable() && !isMulticast();
    }

    /**
     * {@code mac-invalid} ("unable to parse mac address") or {@code mac-multicast} ("expected
     * unicast mac address, found multicast").
     */
    @Override
    public Optional<ValueProblem> problem() {
        if (!isParsable()) {
            return Optional.of(
                    new ValueProblem(ValueProblem.MAC_INVALID, "unable to parse mac address '" + text() + "'"));
        }
        if (isMulticast()) {
            return Optional.of(new ValueProblem(
                    ValueProblem.MAC_MULTICAST, "expected unicast mac address, found multicast '" + text() + "'"));
        }
        return Optional.empty();
    }

    /** Whether the multicast bit is set (false when unparsable). */
    public boolean isMulticast() {
        return isParsable() && (read()[0] & 1) != 0;
    }

    /** Whether all octets are zero (newer libvirt then generates an address; false when unparsable). */
    public boolean isAllZero() {
        return isParsable() && Arrays.equals(read(), new byte[6]);
    }

    /**
     * The six octets (a copy).
     *
     * @throws IllegalStateException when unparsable
     */
    public byte[] octets() {
        return requireRead().clone();
    }

    /**
     * Lower-case, two digits per octet, colon separated, as libvirt writes it back.
     *
     * @throws IllegalStateException when unparsable
     */
    public String canonical() {
        return HEX.formatHex(requireRead());
    }

    /** Whether the text is exactly the canonical form. */
    public boolean isCanonical() {
        return isParsable() && text().equals(HEX.formatHex(read()));
    }

    private static final Pattern SCHEMA = Pattern.compile("[a-fA-F0-9]{2}(:[a-fA-F0-9]{2}){5}");

    /**
     * Whether libvirt's RELAX NG schema ({@code basictypes.rng macAddr}) accepts the text: two
     * digits per group, nothing around. Stricter than the C parser.
     */
    public boolean matchesSchema() {
        return textMatches(SCHEMA);
    }

    /**
     * Whether both denote the same octets ({@code 52:54:0:A:B:C} and {@code 52:54:00:0a:0b:0c});
     * unparsable texts are only the same value as the same text.
     */
    public boolean sameValueAs(MacAddress other) {
        return sameReadAs(other);
    }
}
