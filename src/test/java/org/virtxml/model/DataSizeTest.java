package org.virtxml.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.generators.Generate;

class DataSizeTest {

    @ParameterizedTest(name = "''{0}'' ''{1}'' with default {2} = {3} bytes")
    @CsvSource(
            delimiter = '|',
            nullValues = "NULL",
            value = {
                "1024|NULL|KIB|1048576",
                "1|NULL|BYTES|1",
                "' 1024'|NULL|KIB|1048576",
                "+1024|KiB|BYTES|1048576",
                "1|k|BYTES|1024",
                "1|KB|KIB|1000",
                "4|GiB|KIB|4294967296",
                "4|G|BYTES|4294967296",
                "2|TB|BYTES|2000000000000",
                "1|''|KIB|1024",
                "1|''|MIB|1048576",
                "0|EiB|BYTES|0",
                "7|EiB|BYTES|8070450532247928832",
                "9|EB|BYTES|9000000000000000000",
                "9223372036854775807|b|BYTES|9223372036854775807",
                "9007199254740991|NULL|KIB|9223372036854774784"
            })
    void readsLikeVirParseScaledValue(String number, String unit, Unit defaultUnit, long bytes) {
        DataSize size = DataSize.of(number, unit);
        assertThat(size.problem(defaultUnit)).isEmpty();
        assertThat(size.isValid(defaultUnit)).isTrue();
        assertThat(size.bytes(defaultUnit)).hasValue(bytes);
        assertThat(size.number()).isEqualTo(number);
        assertThat(size.unit().orElse(null)).isEqualTo(unit);
    }

    @ParameterizedTest(name = "number ''{0}'' is size-invalid")
    @ValueSource(
            strings = {
                "1024 ",
                "1024\n",
                "-1",
                "-0",
                "0x400",
                "1.5",
                "1e3",
                "",
                " ",
                "abc",
                "18446744073709551616",
                "1 024"
            })
    void numberSyntax(String number) {
        DataSize size = DataSize.of(number, "KiB");
        assertThat(size.problem(Unit.KIB)).get().satisfies(p -> {
            assertThat(p.ruleId()).isEqualTo("size-invalid");
            assertThat(p.message())
                    .isEqualTo(
                            number.isEmpty()
                                    ? "missing element or attribute value"
                                    : "Invalid value '" + number + "': not an unsigned decimal integer");
        });
        assertThat(size.bytes(Unit.KIB)).isEmpty();
        assertThat(size.kibibytes(Unit.KIB)).isEmpty();
        assertThat(size.isValid()).isFalse();
        assertThatThrownBy(() -> DataSize.parse(number, "KiB", Unit.KIB))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(size.problem(Unit.KIB).orElseThrow().message());
    }

    @ParameterizedTest(name = "unit ''{0}'' is unit-invalid")
    @ValueSource(strings = {"KiBs", "Ki", "x", "kbytes", " KiB", "KiB ", "bb"})
    void unknownUnit(String unit) {
        DataSize size = DataSize.of("1", unit);
        assertThat(size.problem()).get().satisfies(p -> {
            assertThat(p.ruleId()).isEqualTo("unit-invalid");
            assertThat(p.message()).isEqualTo("unknown suffix '" + unit + "'");
        });
        assertThat(size.bytes(Unit.BYTES)).isEmpty();
        assertThat(size.namedUnit()).isEmpty();
    }

    @Test
    void overflowMessagesQuoteValueAndSuffixAsWritten() {
        DataSize eight = DataSize.of("8", "E");
        assertThat(eight.problem()).get().satisfies(p -> {
            assertThat(p.ruleId()).isEqualTo("size-overflow");
            assertThat(p.message()).isEqualTo("value too large: 8E");
        });
        DataSize plus = DataSize.of("+9223372036854775808", null);
        assertThat(plus.problem())
                .get()
                .extracting(ValueProblem::message)
                .isEqualTo("value too large: 9223372036854775808");
        assertThat(DataSize.of("18446744073709551615", "b").problem())
                .get()
                .extracting(ValueProblem::ruleId)
                .isEqualTo("size-overflow");
    }

    @Test
    void defaultUnitDecidesOverflow() {
        DataSize size = DataSize.of("9007199254740992", null);
        assertThat(size.problem(Unit.BYTES)).isEmpty();
        assertThat(size.isValid()).isTrue();
        assertThat(size.problem(Unit.KIB))
                .get()
                .extracting(ValueProblem::message)
                .isEqualTo("value too large: 9007199254740992");
        assertThat(size.bytes(Unit.KIB)).isEmpty();
    }

    @Test
    void domainMemoryLimit() {
        assertThat(DataSize.of("9007199254740991", null).memoryProblem(Unit.KIB))
                .isEmpty();
        assertThat(DataSize.of("9007199254740991", null).kibibytes(Unit.KIB)).hasValue(9007199254740991L);
        DataSize maxBytes = DataSize.of("9223372036854775807", "b");
        assertThat(maxBytes.bytes(Unit.KIB)).hasValue(Long.MAX_VALUE);
        assertThat(maxBytes.memoryProblem(Unit.KIB)).get().satisfies(p -> {
            assertThat(p.ruleId()).isEqualTo("size-overflow");
            assertThat(p.message()).isEqualTo("size value too large");
        });
        assertThat(maxBytes.kibibytes(Unit.KIB)).isEmpty();
        assertThat(DataSize.of("8", "E").memoryProblem(Unit.KIB))
                .get()
                .extracting(ValueProblem::message)
                .isEqualTo("value too large: 8E");
    }

    @ParameterizedTest(name = "{0} {1} is {2} KiB")
    @CsvSource(
            delimiter = '|',
            value = {
                "1|b|1",
                "1025|bytes|2",
                "1000|KB|977",
                "1|MB|977",
                "1|TB|976562500",
                "1024|b|1",
                "0|KiB|0",
                "1|GiB|1048576"
            })
    void memoryIsStoredInKibibytesRoundedUp(String number, String unit, long kib) {
        assertThat(DataSize.of(number, unit).kibibytes(Unit.KIB)).hasValue(kib);
    }

    @Test
    void factoriesWriteCanonicalSpelling() {
        assertThat(DataSize.of(4, Unit.GIB)).satisfies(s -> {
            assertThat(s.number()).isEqualTo("4");
            assertThat(s.unit()).contains("GiB");
            assertThat(s.toString()).isEqualTo("4 GiB");
        });
        assertThat(DataSize.of(2048, Unit.KIB).unit()).contains("KiB");
        assertThat(DataSize.of(1, Unit.MIB).unit()).contains("MiB");
        assertThat(DataSize.ofBytes(1).unit()).contains("bytes");
        assertThat(DataSize.ofBytes(Long.MAX_VALUE).bytes(Unit.BYTES)).hasValue(Long.MAX_VALUE);
        assertThatThrownBy(() -> DataSize.ofBytes(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DataSize.of(8, Unit.EIB))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("value too large: 8EiB");
    }

    @Test
    void equalityIsOnExactTexts() {
        assertThat(DataSize.of("1", "GiB"))
                .isEqualTo(DataSize.of("1", "GiB"))
                .hasSameHashCodeAs(DataSize.of("1", "GiB"));
        assertThat(DataSize.of("1", "GiB")).isNotEqualTo(DataSize.of("1", "gib"));
        assertThat(DataSize.of("1", null)).isNotEqualTo(DataSize.of("1", ""));
        assertThat(DataSize.of("1", "GiB").sameValueAs(DataSize.of("1048576", "KiB")))
                .isTrue();
        assertThat(DataSize.of("1", "G").sameValueAs(DataSize.of("1", "GB"))).isFalse();
        assertThat(DataSize.of("1024", null).sameValueAs(DataSize.of("1", "KiB")))
                .isFalse();
        assertThat(DataSize.of("1024", null).sameValueAs(DataSize.of("1", "MiB"), Unit.KIB))
                .isTrue();
        assertThat(DataSize.of("01024", null).sameValueAs(DataSize.of("1024", null)))
                .isTrue();
        assertThat(DataSize.of("x", null).sameValueAs(DataSize.of("x", null))).isTrue();
        assertThat(DataSize.of("1024", "").sameValueAs(DataSize.of("1", "MiB"), Unit.KIB))
                .isTrue();
        assertThat(DataSize.of("1024", "").sameValueAs(DataSize.of("1", "KiB"), Unit.BYTES))
                .isTrue();
    }

    @ParameterizedTest(name = "SIZE ''{0}'' = {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "1048576|1048576",
                "4G|4294967296",
                "4 GiB|4294967296",
                "512MB|512000000",
                "1k|1024",
                "1KB|1000",
                "' 2 M '|2097152",
                "0|0",
                "9223372036854775807|9223372036854775807"
            })
    void sizeArguments(String argument, long bytes) {
        assertThat(DataSize.parseSizeArgument(argument)).hasValue(bytes);
    }

    @ParameterizedTest(name = "SIZE ''{0}'' is rejected")
    @ValueSource(strings = {"", "G", "-1", "1.5G", "4 GiBs", "8E", "9223372036854775808", "0x10", "4 G B"})
    void badSizeArguments(String argument) {
        assertThat(DataSize.parseSizeArgument(argument)).isEmpty();
    }

    @Test
    void textsRoundTrip() {
        qt().forAll(longs().between(0, Long.MAX_VALUE), Generate.enumValues(Unit.class))
                .checkAssert((seed, unit) -> {
                    long n = seed % (Long.MAX_VALUE / unit.factor() + 1); // valid: <= LLONG_MAX bytes
                    DataSize size = DataSize.of(n, unit);
                    assertThat(DataSize.of(size.number(), size.unit().orElse(null)))
                            .isEqualTo(size);
                    assertThat(size.isValid()).isTrue();
                    assertThat(size.sameValueAs(size)).isTrue();
                });
    }

    @Test
    void equalBytesInDifferentUnitsAreSameValue() {
        qt().forAll(longs().between(0, 1L << 20), Generate.enumValues(Unit.class), Generate.enumValues(Unit.class))
                .checkAssert((n, a, b) -> {
                    // n units of lcm(a, b) written once in a and once in b
                    BigInteger fa = BigInteger.valueOf(a.factor());
                    BigInteger fb = BigInteger.valueOf(b.factor());
                    BigInteger lcm = fa.multiply(fb).divide(fa.gcd(fb));
                    BigInteger bytes = lcm.multiply(BigInteger.valueOf(n));
                    if (bytes.bitLength() > 63) {
                        return;
                    }
                    DataSize x = DataSize.of(bytes.divide(fa).longValueExact(), a);
                    DataSize y = DataSize.of(bytes.divide(fb).longValueExact(), b);
                    assertThat(x.sameValueAs(y)).isTrue();
                    assertThat(y.sameValueAs(x)).isTrue();
                    assertThat(x.bytes(Unit.KIB)).isEqualTo(y.bytes(Unit.KIB)).hasValue(bytes.longValueExact());
                    DataSize z = DataSize.of(bytes.divide(fb).longValueExact() + 1, b);
                    assertThat(x.sameValueAs(z)).isFalse();
                    assertThat(z.sameValueAs(x)).isFalse();
                });
    }
}
