package org.virtxml.model;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An integer exactly as written in a document ({@code 5}, {@code 0x05}, {@code 010}).
 *
 * <p>The value follows libvirt's base-0 integer parsing ({@code virStrToLong_ll(text, NULL, 0, ..)},
 * i.e. glib's {@code g_ascii_strtoll}): leading ASCII white space is skipped, one {@code +} or
 * {@code -} sign may follow, then {@code 0x}/{@code 0X} means hexadecimal, a leading {@code 0}
 * means <em>octal</em> ({@code 010} is 8), anything else decimal. Nothing may follow the digits,
 * not even white space ({@code "5 "} is rejected), and the value must fit a signed 64-bit integer.
 * Attributes libvirt reads as unsigned ({@code virXMLPropUInt}, {@code virStrToLong_uip/ullp})
 * additionally reject any {@code -} sign, even {@code -0}: see {@link #nonNegativeValue()}.
 *
 * <p>Equality is on the exact text; {@link #sameValueAs(IntegerText)} compares values.
 */
public final class IntegerText extends TextValue<Long> {

    private final boolean negativeSign;

    private IntegerText(String text) {
        this(text, CNumber.scan(text, 0, 0));
    }

    private IntegerText(String text, CNumber.Scan scan) {
        super(text, CNumber.read(scan, 0) && scan.end() == text.length() ? CNumber.signedValue(scan) : null);
        this.negativeSign = scan.negative();
    }

    /** Keeps any text; never throws. Invalid text is reported by {@link #problem()}. */
    public static IntegerText of(String text) {
        return new IntegerText(Objects.requireNonNull(text, "text"));
    }

    /** Like {@link #of(String)} but throws {@link IllegalArgumentException} for invalid text. */
    public static IntegerText parse(String text) {
        return withoutProblem(of(text));
    }

    /** The value written in decimal. */
    public static IntegerText of(long value) {
        return new IntegerText(Long.toString(value));
    }

    /**
     * The value written as {@code 0x} followed by at least {@code width} lower-case hex digits
     * (zero-padded), as libvirt writes PCI addresses ({@code hex(5, 2)} is {@code 0x05}).
     *
     * @throws IllegalArgumentException when value is negative or width is negative
     */
    public static IntegerText hex(long value, int width) {
        if (value < 0) {
            throw new IllegalArgumentException("hex value must not be negative: " + value);
        }
        if (width < 0) {
            throw new IllegalArgumentException("hex width must not be negative: " + width);
        }
        String digits = Long.toHexString(value);
        StringBuilder sb = new StringBuilder("0x");
        for (int i = digits.length(); i < width; i++) {
            sb.append('0');
        }
        return new IntegerText(sb.append(digits).toString());
    }

    public boolean isValid() {
        return read() != null;
    }

    @Override
    public Optional<ValueProblem> problem() {
        if (isValid()) {
            return Optional.empty();
        }
        return Optional.of(new ValueProblem(
                ValueProblem.INTEGER_INVALID, "Invalid value '" + text() + "'. Expected integer value"));
    }

    /** The value as libvirt reads it (signed, base 0); empty when invalid. */
    public OptionalLong value() {
        return isValid() ? OptionalLong.of(read()) : OptionalLong.empty();
    }

    /**
     * The value as libvirt's unsigned readers see it ({@code virXMLPropUInt},
     * {@code virStrToLong_uip/ullp} with base 0): empty when invalid or when the text has a
     * {@code -} sign (even {@code -0}).
     */
    public OptionalLong nonNegativeValue() {
        return !isValid() || negativeSign ? OptionalLong.empty() : OptionalLong.of(read());
    }

    /**
     * The value.
     *
     * @throws IllegalStateException when the text is not a valid integer
     */
    public long longValue() {
        return requireRead();
    }

    /** Whether the text has a {@code -} sign. */
    public boolean hasNegativeSign() {
        return negativeSign;
    }

    /**
     * Whether the number is written with a leading zero and more than one digit and is not
     * hexadecimal ({@code 010}, {@code 00}, {@code 08}): libvirt reads such text as octal (or
     * rejects it when it holds 8 or 9), which is rarely what the author meant.
     */
    public boolean isOctalLooking() {
        String text = text();
        int i = CNumber.skipSpaces(text, 0);
        if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        if (i >= text.length() || text.charAt(i) != '0') {
            return false;
        }
        return i + 1 < text.length() && text.charAt(i + 1) >= '0' && text.charAt(i + 1) <= '9';
    }

    /**
     * Whether both denote the same integer as libvirt reads them ({@code 0x05}, {@code 5} and
     * {@code 05}); invalid texts are only the same value as the same text.
     */
    public boolean sameValueAs(IntegerText other) {
        return sameReadAs(other);
    }
}
