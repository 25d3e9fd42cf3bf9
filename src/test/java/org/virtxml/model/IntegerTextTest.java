package org.virtxml.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IntegerTextTest {

    @ParameterizedTest(name = "''{0}'' reads as {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "5|5",
                "0|0",
                "0x05|5",
                "0X1f|31",
                "0xFF|255",
                "010|8",
                "00|0",
                "'  7'|7",
                "+5|5",
                "-5|-5",
                "-0x10|-16",
                "9223372036854775807|9223372036854775807",
                "-9223372036854775808|-9223372036854775808",
                "0x7fffffffffffffff|9223372036854775807"
            })
    void readsLikeLibvirtBaseZero(String text, long expected) {
        IntegerText value = IntegerText.of(text);
        assertThat(value.isValid()).isTrue();
        assertThat(value.problem()).isEmpty();
        assertThat(value.value()).hasValue(expected);
        assertThat(value.longValue()).isEqualTo(expected);
        assertThat(value.toString()).isEqualTo(text);
    }

    @ParameterizedTest(name = "''{0}'' is rejected")
    @ValueSource(
            strings = {
                "",
                " ",
                "5 ",
                "5\n",
                "08",
                "09",
                "0x",
                "0xg",
                "x5",
                "1.5",
                "5a",
                "--5",
                "+-5",
                "- 5",
                "9223372036854775808",
                "-9223372036854775809",
                "0x10000000000000000",
                "1e3",
                "\u0665"
            })
    void rejectsWhatLibvirtRejects(String text) {
        IntegerText value = IntegerText.of(text);
        assertThat(value.isValid()).isFalse();
        assertThat(value.value()).isEmpty();
        assertThat(value.problem())
                .get()
                .satisfies(p -> assertThat(p.ruleId()).isEqualTo("integer-invalid"))
                .satisfies(p -> assertThat(p.message()).contains("'" + text + "'"));
        assertThat(value.toString()).isEqualTo(text);
        assertThatThrownBy(value::longValue).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> IntegerText.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(value.problem().orElseThrow().message());
    }

    @Test
    void unsignedReadersRejectEveryMinusSign() {
        assertThat(IntegerText.of("-0").value()).hasValue(0);
        assertThat(IntegerText.of("-0").nonNegativeValue()).isEmpty();
        assertThat(IntegerText.of("-1").nonNegativeValue()).isEmpty();
        assertThat(IntegerText.of("+1").nonNegativeValue()).hasValue(1);
        assertThat(IntegerText.of("0x1f").nonNegativeValue()).hasValue(31);
        assertThat(IntegerText.of("-1").hasNegativeSign()).isTrue();
    }

    @ParameterizedTest(name = "octal-looking ''{0}'' = {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "010|true",
                "00|true",
                "08|true",
                "-010|true",
                "' 07'|true",
                "0|false",
                "10|false",
                "0x10|false",
                "0X0|false",
                "''|false",
                "x|false"
            })
    void octalLooking(String text, boolean expected) {
        assertThat(IntegerText.of(text).isOctalLooking()).isEqualTo(expected);
    }

    @Test
    void factoriesWriteDecimalAndPaddedHex() {
        assertThat(IntegerText.of(42L).text()).isEqualTo("42");
        assertThat(IntegerText.of(-42L).text()).isEqualTo("-42");
        assertThat(IntegerText.hex(5, 2).text()).isEqualTo("0x05");
        assertThat(IntegerText.hex(0, 4).text()).isEqualTo("0x0000");
        assertThat(IntegerText.hex(0x1234, 2).text()).isEqualTo("0x1234");
        assertThat(IntegerText.hex(255, 0).text()).isEqualTo("0xff");
        assertThatThrownBy(() -> IntegerText.hex(-1, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equalityIsOnTextAndSameValueOnValue() {
        IntegerText hex = IntegerText.of("0x05");
        IntegerText dec = IntegerText.of("5");
        IntegerText oct = IntegerText.of("05");
        assertThat(hex).isNotEqualTo(dec);
        assertThat(hex).isEqualTo(IntegerText.of("0x05")).hasSameHashCodeAs(IntegerText.of("0x05"));
        assertThat(hex.sameValueAs(dec)).isTrue();
        assertThat(oct.sameValueAs(dec)).isTrue();
        assertThat(IntegerText.of("010").sameValueAs(IntegerText.of("10"))).isFalse();
        assertThat(IntegerText.of("x").sameValueAs(IntegerText.of("x"))).isTrue();
        assertThat(IntegerText.of("x").sameValueAs(IntegerText.of("y"))).isFalse();
        assertThat(dec.sameValueAs(null)).isFalse();
    }

    @Test
    void decimalFactoryRoundTripsThroughText() {
        qt().forAll(longs().all()).checkAssert(n -> {
            IntegerText x = IntegerText.of(n);
            assertThat(IntegerText.of(x.toString())).isEqualTo(x);
            assertThat(x.value()).hasValue(n);
        });
    }

    @Test
    void hexAndDecimalSpellingsAreSameValue() {
        qt().forAll(longs().between(0, Long.MAX_VALUE), integers().between(0, 16))
                .checkAssert((n, width) -> {
                    IntegerText hex = IntegerText.hex(n, width);
                    IntegerText dec = IntegerText.of(n);
                    IntegerText oct = IntegerText.of("0" + Long.toOctalString(n));
                    assertThat(hex.isValid()).isTrue();
                    assertThat(hex.sameValueAs(dec)).isTrue();
                    assertThat(dec.sameValueAs(hex)).isTrue();
                    assertThat(oct.sameValueAs(dec)).isTrue();
                    assertThat(IntegerText.of(hex.toString())).isEqualTo(hex);
                });
    }

    @Test
    void sameValueIsReflexiveAndSymmetric() {
        qt().forAll(longs().all(), longs().all()).checkAssert((a, b) -> {
            IntegerText x = IntegerText.of(a);
            IntegerText y = b >= 0 ? IntegerText.hex(b, 0) : IntegerText.of(b);
            assertThat(x.sameValueAs(x)).isTrue();
            assertThat(x.sameValueAs(y)).isEqualTo(y.sameValueAs(x)).isEqualTo(a.equals(b));
        });
    }
}
