package org.virtxml.model;

import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 address exactly as written ({@code <ip address='192.168.122.1'/>},
 * {@code <ip family='ipv6' address='2001:db8:ca2:2::1'/>}).
 *
 * <p>Reading follows libvirt's {@code virSocketAddrParse}, which hands the text to
 * {@code getaddrinfo} with {@code AI_NUMERICHOST} (glibc):
 * <ul>
 * <li>IPv4 is read like {@code inet_aton}: one to four numbers separated by {@code .}, each in C
 *     notation ({@code 0x} hexadecimal, a leading {@code 0} octal, else decimal); the last number
 *     fills the remaining bytes ({@code 10.1} is {@code 10.0.0.1}); nothing may follow.</li>
 * <li>IPv6 is read like {@code inet_pton}: eight groups of one to four hex digits, one {@code ::}
 *     standing for one or more zero groups, the last 32 bits optionally as a strict dotted quad
 *     (decimal, no leading zero). A zone ({@code %eth0}) after the address is accepted and not
 *     checked (glibc resolves it against the host's interfaces).</li>
 * </ul>
 * Leading or trailing blanks are not accepted. Invalid text is kept; {@link #problem()} reports it
 * as {@code ip-address-invalid} in libvirt's words.
 *
 * <p>Equality is on the exact text; {@link #sameValueAs(IpAddress)} compares what was read.
 */
public final class IpAddress extends TextValue<byte[]> {

    private IpAddress(String text, byte[] octets) {
        super(text, octets);
    }

    /** Keeps any text; never throws. Problems are reported by {@link #problem()}. */
    public static IpAddress of(String text) {
        Objects.requireNonNull(text, "text");
        byte[] v4 = parseIpv4(text);
        return new IpAddress(text, v4 != null ? v4 : parseIpv6(text));
    }

    /** Like {@link #of(String)} but throws {@link IllegalArgumentException} for text libvirt cannot read. */
    public static IpAddress parse(String text) {
        return withoutProblem(of(text));
    }

    /** The address of 4 (IPv4) or 16 (IPv6) octets, in the canonical form libvirt writes. */
    public static IpAddress ofOctets(byte[] octets) {
        if (octets.length != 4 && octets.length != 16) {
            throw new IllegalArgumentException("an IP address has 4 or 16 octets, not " + octets.length);
        }
        return of(format(octets));
    }

    /** Whether libvirt can read the text. */
    public boolean isValid() {
        return read() != null;
    }

    /** Whether the text reads as an IPv4 address. */
    public boolean isIpv4() {
        return isValid() && read().length == 4;
    }

    /** Whether the text reads as an IPv6 address. */
    public boolean isIpv6() {
        return isValid() && read().length == 16;
    }

    /** {@code ip-address-invalid}: "Cannot parse socket address '...'". */
    @Override
    public Optional<ValueProblem> problem() {
        return isValid()
                ? Optional.empty()
                : Optional.of(new ValueProblem(
                        ValueProblem.IP_ADDRESS_INVALID, "Cannot parse socket address '" + text() + "'"));
    }

    /**
     * The 4 or 16 octets (a copy).
     *
     * @throws IllegalStateException when libvirt cannot read the text
     */
    public byte[] octets() {
        return requireRead().clone();
    }

    /** The address as an unsigned number (32 or 128 bits). */
    public BigInteger toBigInteger() {
        return new BigInteger(1, requireRead());
    }

    /** The address width in bits: 32 or 128. */
    public int bits() {
        return requireRead().length * 8;
    }

    /**
     * The form libvirt writes back ({@code getnameinfo}): dotted decimal for IPv4; for IPv6
     * lower-case groups without leading zeros, the longest run of two or more zero groups as
     * {@code ::}, and a dotted quad for IPv4-mapped and IPv4-compatible addresses.
     *
     * @throws IllegalStateException when libvirt cannot read the text
     */
    public String canonical() {
        return format(requireRead());
    }

    /** Whether the text is exactly the canonical form. */
    public boolean isCanonical() {
        return isValid() && text().equals(format(read()));
    }

    private static final Pattern SCHEMA_V4 = Pattern.compile(
            "((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9][0-9]|[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9][0-9]|[0-9])");

    /**
     * Whether the text is a plain dotted quad (libvirt's schema {@code ipv4Addr}) or, for IPv6,
     * readable without a zone: stricter than the C parser, which also reads {@code 10.1} and
     * {@code 0x0a.0.0.1}.
     */
    public boolean matchesSchema() {
        return textMatches(SCHEMA_V4) || (isIpv6() && text().indexOf('%') < 0);
    }

    /** Whether both read as the same address; unreadable texts are only the same value as the same text. */
    public boolean sameValueAs(IpAddress other) {
        return sameReadAs(other);
    }

    // ---- IPv4 (inet_aton) ----------------------------------------------------------------

    private static byte[] parseIpv4(String s) {
        long[] parts = new long[4];
        int n = 0;
        int i = 0;
        while (true) {
            if (i >= s.length() || !Character.isDigit(s.charAt(i)) || s.charAt(i) > '9') {
                return null;
            }
            int radix = 10;
            if (s.charAt(i) == '0') {
                radix = 8;
                i++;
                if (i + 1 < s.length()
                        && (s.charAt(i) == 'x' || s.charAt(i) == 'X')
                        && CNumber.isHexDigit(s.charAt(i + 1))) {
                    radix = 16; // strtoul: "0x" without a hex digit after it reads as 0, ending before the x
                    i++;
                }
            }
            long value = 0;
            while (i < s.length()) {
                int d = CNumber.hexValue(s.charAt(i));
                if (d < 0 || d >= radix) {
                    break;
                }
                value = value * radix + d;
                if (value > 0xFFFFFFFFL) {
                    return null;
                }
                i++;
            }
            if (n == 4) {
                return null;
            }
            parts[n++] = value;
            if (i == s.length()) {
                break;
            }
            if (s.charAt(i) != '.') {
                return null;
            }
            i++;
        }
        long address = 0;
        for (int k = 0; k < n - 1; k++) {
            if (parts[k] > 255) {
                return null;
            }
            address = (address << 8) | parts[k];
        }
        int restBits = 8 * (5 - n);
        if (parts[n - 1] >= (1L << restBits)) {
            return null;
        }
        address = (address << restBits) | parts[n - 1];
        return new byte[] {(byte) (address >> 24), (byte) (address >> 16), (byte) (address >> 8), (byte) address};
    }

    // ---- IPv6 (inet_pton) ----------------------------------------------------------------

    private static byte[] parseIpv6(String text) {
        int zone = text.indexOf('%');
        String s = zone < 0 ? text : text.substring(0, zone);
        if (zone >= 0 && zone == text.length() - 1) {
            return null;
        }
        byte[] out = new byte[16];
        int pos = 0;
        int gap = -1;
        int i = 0;
        if (s.startsWith("::")) {
            gap = 0;
            i = 2;
            if (s.length() == 2) {
                return out;
            }
        } else if (s.startsWith(":")) {
            return null;
        }
        while (i < s.length()) {
            int start = i;
            int value = 0;
            while (i < s.length() && CNumber.isHexDigit(s.charAt(i)) && i - start < 5) {
                value = value * 16 + CNumber.hexValue(s.charAt(i));
                i++;
            }
            if (i < s.length() && s.charAt(i) == '.') {
                byte[] quad = strictDottedQuad(s.substring(start));
                if (quad == null || pos + 4 > 16) {
                    return null;
                }
                System.arraycopy(quad, 0, out, pos, 4);
                pos += 4;
                i = s.length();
                break;
            }
            int digits = i - start;
            if (digits == 0 || digits > 4 || pos + 2 > 16) {
                return null;
            }
            out[pos++] = (byte) (value >> 8);
            out[pos++] = (byte) value;
            if (i == s.length()) {
                break;
            }
            if (s.charAt(i) != ':') {
                return null;
            }
            i++;
            if (i < s.length() && s.charAt(i) == ':') {
                if (gap >= 0) {
                    return null;
                }
                gap = pos;
                i++;
                if (i == s.length()) {
                    break;
                }
            } else if (i == s.length()) {
                return null; // a single trailing ':'
            }
        }
        if (gap >= 0) {
            if (pos == 16) {
                return null; // "::" must stand for at least one group
            }
            int tail = pos - gap;
            System.arraycopy(out, gap, out, 16 - tail, tail);
            java.util.Arrays.fill(out, gap, 16 - tail, (byte) 0);
            return out;
        }
        return pos == 16 ? out : null;
    }

    /** inet_pton's IPv4: four decimal numbers 0-255 without leading zeros. */
    private static byte[] strictDottedQuad(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] out = new byte[4];
        for (int k = 0; k < 4; k++) {
            String p = parts[k];
            if (p.isEmpty()
                    || p.length() > 3
                    || !p.chars().allMatch(c -> c >= '0' && c <= '9')
                    || (p.length() > 1 && p.charAt(0) == '0')
                    || Integer.parseInt(p) > 255) {
                return null;
            }
            out[k] = (byte) Integer.parseInt(p);
        }
        return out;
    }

    // ---- writing ---------------------------------------------------------------------------

    private static String format(byte[] b) {
        if (b.length == 4) {
            return (b[0] & 255) + "." + (b[1] & 255) + "." + (b[2] & 255) + "." + (b[3] & 255);
        }
        int[] words = new int[8];
        for (int k = 0; k < 8; k++) {
            words[k] = ((b[2 * k] & 255) << 8) | (b[2 * k + 1] & 255);
        }
        int bestStart = -1;
        int bestLength = 0;
        for (int k = 0; k < 8; ) {
            if (words[k] != 0) {
                k++;
                continue;
            }
            int start = k;
            while (k < 8 && words[k] == 0) {
                k++;
            }
            if (k - start > bestLength) {
                bestStart = start;
                bestLength = k - start;
            }
        }
        if (bestLength < 2) {
            bestStart = -1;
        }
        boolean dottedTail = bestStart == 0 && (bestLength == 6 || (bestLength == 5 && words[5] == 0xFFFF));
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < 8; k++) {
            if (k == bestStart) {
                out.append(k == 0 ? "::" : ":");
                k += bestLength - 1;
                continue;
            }
            if (dottedTail && k == 6) {
                out.append(b[12] & 255)
                        .append('.')
                        .append(b[13] & 255)
                        .append('.')
                        .append(b[14] & 255)
                        .append('.')
                        .append(b[15] & 255);
                break;
            }
            out.append(Integer.toHexString(words[k]));
            if (k < 7) {
                out.append(':');
            }
        }
        return out.toString();
    }
}
