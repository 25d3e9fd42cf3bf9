package org.virtxml.model;

import java.math.BigInteger;

/**
 * Scans an integer the way glib's {@code g_ascii_strtoll}/{@code g_ascii_strtoull} do (which is
 * what libvirt's {@code virStrToLong_*} helpers call): optional leading ASCII white space
 * ({@code ' ' \t \n \v \f \r}), an optional {@code +} or {@code -}, then digits of the base. With
 * base 0, {@code 0x}/{@code 0X} selects hexadecimal, a leading {@code 0} octal, anything else
 * decimal. {@code "0x"} not followed by a hex digit reads as {@code 0}, ending before the
 * {@code x}.
 */
final class CNumber {

    private CNumber() {}

    /**
     * Result of a scan.
     *
     * @param end       index just after the last character read; equals the start index when no
     *                  number could be read
     * @param negative  whether a {@code -} sign was read
     * @param magnitude the absolute value read (0 when nothing was read)
     */
    record Scan(int end, boolean negative, BigInteger magnitude) {}

    static final BigInteger UNSIGNED_LONG_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    static final BigInteger LONG_MIN_MAGNITUDE =
            BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE);
    /** The magnitude of every number above {@link #UNSIGNED_LONG_MAX}: no caller accepts one. */
    static final BigInteger OVERFLOW = UNSIGNED_LONG_MAX.add(BigInteger.ONE);

    /** glib's {@code g_ascii_isspace}. */
    static boolean isAsciiSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    static boolean isHexDigit(char c) {
        return hexValue(c) >= 0;
    }

    static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    static int skipSpaces(String s, int from) {
        int i = from;
        while (i < s.length() && isAsciiSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Scans from {@code start} with base 0, 8, 10 or 16. */
    static Scan scan(String s, int start, int base) {
        int i = skipSpaces(s, start);
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        int radix = base;
        if ((base == 0 || base == 16)
                && i + 1 < s.length()
                && s.charAt(i) == '0'
                && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')) {
            if (i + 2 < s.length() && isHexDigit(s.charAt(i + 2))) {
                i += 2;
                radix = 16;
            } else {
                // "0x" without hex digits: only the "0" is a number
                return new Scan(i + 1, negative, BigInteger.ZERO);
            }
        }
        if (radix == 0) {
            radix = i < s.length() && s.charAt(i) == '0' ? 8 : 10;
        }
        int digitsStart = i;
        // exact in a long while it fits; past 2^64 - 1 every caller rejects the number, so the
        // value saturates at OVERFLOW and the rest of the digits are only skipped (linear time)
        long value = 0;
        BigInteger big = null;
        BigInteger bigRadix = BigInteger.valueOf(radix);
        while (i < s.length()) {
            int d = hexValue(s.charAt(i));
            if (d < 0 || d >= radix) {
                break;
            }
            if (big == null && value <= (Long.MAX_VALUE - d) / radix) {
                value = value * radix + d;
            } else if (big != OVERFLOW) {
                big = (big == null ? BigInteger.valueOf(value) : big)
                        .multiply(bigRadix)
                        .add(BigInteger.valueOf(d));
                if (big.compareTo(UNSIGNED_LONG_MAX) > 0) {
                    big = OVERFLOW;
                }
            }
            i++;
        }
        if (i == digitsStart) {
            return new Scan(start, false, BigInteger.ZERO);
        }
        return new Scan(i, negative, big != null ? big : BigInteger.valueOf(value));
    }

    /** Whether a scan read a number. */
    static boolean read(Scan scan, int start) {
        return scan.end() != start;
    }

    /** The signed value of a scan, or null when it does not fit a {@code long}. */
    static Long signedValue(Scan scan) {
        if (scan.negative()) {
            if (scan.magnitude().compareTo(LONG_MIN_MAGNITUDE) > 0) {
                return null;
            }
            return scan.magnitude().negate().longValue();
        }
        if (scan.magnitude().compareTo(LONG_MAX) > 0) {
            return null;
        }
        return scan.magnitude().longValue();
    }

    /**
     * libvirt's {@code virStrToLong_ullp}/{@code virStrToLong_uip} with no end pointer: the whole
     * text must be one number, no {@code -} sign at all (not even {@code -0}), at most
     * {@code max}. Returns null when rejected.
     */
    static BigInteger nonNegative(String text, int base, BigInteger max) {
        Scan scan = scan(text, 0, base);
        if (!read(scan, 0)
                || scan.end() != text.length()
                || scan.negative()
                || scan.magnitude().compareTo(max) > 0) {
            return null;
        }
        return scan.magnitude();
    }
}
