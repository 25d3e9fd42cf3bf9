package org.virtxml.model;

import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * A scaled size exactly as written: an element's text (the number) and its {@code unit}
 * attribute ({@code <memory unit='KiB'>4194304</memory>}, {@code <capacity>1</capacity>}).
 *
 * <p>libvirt reads these with {@code virParseScaledValue}: the number with
 * {@code virStrToLong_ullp(.., 10, ..)} (leading white space and {@code +} accepted; a {@code -},
 * hex, fractions and <em>any trailing character, white space included</em> rejected: {@code "1024 "}
 * is invalid, {@code " 1024"} is valid), then {@code virScaleInteger} with the unit (see
 * {@link Unit}; absent or empty = the element's default unit) and a limit. Every limit libvirt uses
 * is at most {@code LLONG_MAX} bytes, which is what {@link #bytes(Unit)} enforces; domain memory
 * additionally must stay below 2<sup>53</sup> KiB ({@link #kibibytes(Unit)},
 * {@link #memoryProblem(Unit)}).
 *
 * <p>The default unit belongs to the element, not to the value, so methods that need it take it
 * as an argument: {@link Unit#KIB} for {@code <memory>}, {@code <currentMemory>}, memtune;
 * {@link Unit#BYTES} for volume capacity/allocation; {@link Unit#MIB} for {@code <smm><tseg>}.
 *
 * <p>Equality is on the exact texts; {@link #sameValueAs(DataSize)} compares byte counts.
 */
public final class DataSize {

    /** 2^53 KiB: domain memory must stay below ({@code VIR_DOMAIN_MEMORY_PARAM_UNLIMITED} + 1). */
    public static final long MEMORY_LIMIT_KIB = 1L << 53;

    private static final BigInteger LIMIT = CNumber.LONG_MAX;

    private final String number;
    private final String unit;
    private final BigInteger parsedNumber; // null when libvirt rejects the number
    private final Unit parsedUnit; // null when absent/empty or unknown

    private DataSize(String number, String unit) {
        this.number = number;
        this.unit = unit;
        this.parsedNumber = CNumber.nonNegative(number, 10, CNumber.UNSIGNED_LONG_MAX);
        this.parsedUnit = Unit.lookup(unit).orElse(null);
    }

    /**
     * Keeps any texts; never throws. Problems are reported by {@link #problem(Unit)}.
     *
     * @param number the element text (or attribute) holding the number, exactly as written
     * @param unit   the unit attribute exactly as written, or {@code null} when absent
     */
    public static DataSize of(String number, String unit) {
        return new DataSize(Objects.requireNonNull(number, "number"), unit);
    }

    /**
     * Like {@link #of(String, String)} but throws {@link IllegalArgumentException} when libvirt
     * would reject the value with the given default unit.
     */
    public static DataSize parse(String number, String unit, Unit defaultUnit) {
        DataSize result = of(number, unit);
        result.problem(defaultUnit).ifPresent(p -> {
            throw p.toException();
        });
        return result;
    }

    /**
     * {@code number} in {@code unit}, written as decimal with the unit's spelling ({@code KiB},
     * {@code MiB}, {@code GiB}, {@code bytes}, ...).
     *
     * @throws IllegalArgumentException when negative or above {@code LLONG_MAX} bytes
     */
    public static DataSize of(long number, Unit unit) {
        Objects.requireNonNull(unit, "unit");
        if (number < 0) {
            throw new IllegalArgumentException("a size must not be negative: " + number);
        }
        DataSize result = new DataSize(Long.toString(number), unit.spelling());
        result.problem(Unit.BYTES).ifPresent(p -> {
            throw p.toException();
        });
        return result;
    }

    /** {@code bytes} with {@code unit='bytes'}. */
    public static DataSize ofBytes(long bytes) {
        return of(bytes, Unit.BYTES);
    }

    /** The number text exactly as written. */
    public String number() {
        return number;
    }

    /** The unit text exactly as written; empty when the attribute is absent. */
    public Optional<String> unit() {
        return Optional.ofNullable(unit);
    }

    /** The unit named by the text; empty when absent, empty text or unknown. */
    public Optional<Unit> namedUnit() {
        return Optional.ofNullable(parsedUnit);
    }

    /** Whether a non-empty unit is written (otherwise the element's default applies). */
    public boolean hasUnit() {
        return unit != null && !unit.isEmpty();
    }

    private static final Pattern UNIT_SCHEMA =
            Pattern.compile("([bB]([yY][tT][eE][sS]?)?)|([kKmMgGtTpPeE]([iI]?[bB])?)");

    /**
     * Whether libvirt's RELAX NG schema ({@code basictypes.rng unit}) accepts the unit attribute:
     * true when absent; false for {@code unit=''}, which the C parser reads as the default unit.
     */
    public boolean unitMatchesSchema() {
        return unit == null || UNIT_SCHEMA.matcher(unit).matches();
    }

    /**
     * The first problem libvirt would report with the given default unit, in libvirt's order:
     * {@code size-invalid} (number syntax), {@code unit-invalid} (unknown suffix),
     * {@code size-overflow} (more than {@code LLONG_MAX} bytes).
     */
    public Optional<ValueProblem> problem(Unit defaultUnit) {
        Objects.requireNonNull(defaultUnit, "defaultUnit");
        if (number.isEmpty()) {
            return Optional.of(new ValueProblem(ValueProblem.SIZE_INVALID, "missing element or attribute value"));
        }
        if (parsedNumber == null) {
            return Optional.of(new ValueProblem(
                    ValueProblem.SIZE_INVALID, "Invalid value '" + number + "': not an unsigned decimal integer"));
        }
        if (hasUnit() && parsedUnit == null) {
            return Optional.of(new ValueProblem(ValueProblem.UNIT_INVALID, "unknown suffix '" + unit + "'"));
        }
        if (exactBytes(defaultUnit).compareTo(LIMIT) > 0) {
            return Optional.of(new ValueProblem(
                    ValueProblem.SIZE_OVERFLOW, "value too large: " + parsedNumber + (hasUnit() ? unit : "")));
        }
        return Optional.empty();
    }

    /**
     * The problem independent of the element: as {@link #problem(Unit)} with the smallest default
     * unit (bytes), so an overflow that only a larger default unit causes is not reported.
     */
    public Optional<ValueProblem> problem() {
        return problem(Unit.BYTES);
    }

    /** Whether {@link #problem()} is empty. */
    public boolean isValid() {
        return problem().isEmpty();
    }

    /** Whether {@link #problem(Unit)} is empty. */
    public boolean isValid(Unit defaultUnit) {
        return problem(defaultUnit).isEmpty();
    }

    /**
     * As {@link #problem(Unit)}, plus libvirt's domain memory limit ({@code virDomainParseMemory}):
     * the size rounded up to KiB must be below 2<sup>53</sup> KiB, else {@code size-overflow}
     * "size value too large".
     */
    public Optional<ValueProblem> memoryProblem(Unit defaultUnit) {
        Optional<ValueProblem> p = problem(defaultUnit);
        if (p.isPresent()) {
            return p;
        }
        if (kibibytesUnchecked(defaultUnit) >= MEMORY_LIMIT_KIB) {
            return Optional.of(new ValueProblem(ValueProblem.SIZE_OVERFLOW, "size value too large"));
        }
        return Optional.empty();
    }

    /** The size in bytes; empty when {@link #problem(Unit)} reports a problem. */
    public OptionalLong bytes(Unit defaultUnit) {
        if (problem(defaultUnit).isPresent()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(exactBytes(defaultUnit).longValueExact());
    }

    /**
     * The size in KiB rounded up, as libvirt stores domain memory; empty when
     * {@link #memoryProblem(Unit)} reports a problem.
     */
    public OptionalLong kibibytes(Unit defaultUnit) {
        if (memoryProblem(defaultUnit).isPresent()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(kibibytesUnchecked(defaultUnit));
    }

    private long kibibytesUnchecked(Unit defaultUnit) {
        long bytes = exactBytes(defaultUnit).longValueExact();
        return bytes / 1024 + (bytes % 1024 == 0 ? 0 : 1);
    }

    /** Number times unit factor, without limit; only when number and unit are readable. */
    private BigInteger exactBytes(Unit defaultUnit) {
        Unit scale = hasUnit() ? parsedUnit : defaultUnit;
        return parsedNumber.multiply(BigInteger.valueOf(scale.factor()));
    }

    private boolean readable() {
        return parsedNumber != null && (!hasUnit() || parsedUnit != null);
    }

    /**
     * Whether both are the same number of bytes when a missing unit means {@code defaultUnit}
     * ({@code 1 GiB} and {@code 1048576 KiB}); values libvirt cannot read are only the same value as
     * the same texts.
     */
    public boolean sameValueAs(DataSize other, Unit defaultUnit) {
        Objects.requireNonNull(defaultUnit, "defaultUnit");
        if (other == null) {
            return false;
        }
        if (!readable() || !other.readable()) {
            return equals(other);
        }
        return exactBytes(defaultUnit).equals(other.exactBytes(defaultUnit));
    }

    /**
     * Whether both are the same number of bytes, without knowing the element's default unit: both
     * must name a unit, or both must lack one (then the numbers are compared). A value with a unit
     * and one without are only the same when their texts are; use
     * {@link #sameValueAs(DataSize, Unit)} when the default is known.
     */
    public boolean sameValueAs(DataSize other) {
        if (other == null) {
            return false;
        }
        if (hasUnit() != other.hasUnit()) {
            return equals(other);
        }
        return sameValueAs(other, Unit.BYTES);
    }

    /**
     * Reads a command-line SIZE argument: a decimal number, optionally followed (with or without
     * blanks) by a unit as libvirt reads units; a bare number is bytes ({@code 4G}, {@code 4 GiB},
     * {@code 512MB}, {@code 1048576}). Empty when unreadable or above {@code LLONG_MAX} bytes.
     */
    public static OptionalLong parseSizeArgument(String argument) {
        if (argument == null) {
            return OptionalLong.empty();
        }
        String s = argument.strip();
        int i = 0;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        if (i == 0) {
            return OptionalLong.empty();
        }
        String unitText = s.substring(i).strip();
        DataSize size = of(s.substring(0, i), unitText.isEmpty() ? null : unitText);
        return size.bytes(Unit.BYTES);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataSize other && number.equals(other.number) && Objects.equals(unit, other.unit);
    }

    @Override
    public int hashCode() {
        return Objects.hash(number, unit);
    }

    /** The number text, followed by a blank and the unit text when a unit attribute is present. */
    @Override
    public String toString() {
        return unit == null ? number : number + " " + unit;
    }
}
