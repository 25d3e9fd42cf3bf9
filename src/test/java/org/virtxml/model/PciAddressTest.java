package org.virtxml.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PciAddressTest {

    private static IntegerText t(String text) {
        return text == null ? null : IntegerText.of(text);
    }

    private static PciAddress address(String domain, String bus, String slot, String function) {
        return PciAddress.of(t(domain), t(bus), t(slot), t(function));
    }

    @ParameterizedTest(name = "{0} {1} {2} {3} = {4}")
    @CsvSource(
            delimiter = '|',
            nullValues = "NULL",
            value = {
                "0x0000|0x00|0x05|0x0|0000:00:05.0",
                "0|0|5|0|0000:00:05.0",
                "NULL|NULL|5|NULL|0000:00:05.0",
                "0x0000|0x00|010|0x0|0000:00:08.0",
                "0x0000|0xff|0x1f|0x7|0000:ff:1f.7",
                "0x10000|0x00|0x01|0x0|10000:00:01.0",
                "0|255|31|7|0000:ff:1f.7",
                "' 0'|+1|0X1F|0|0000:01:1f.0"
            })
    void readsLikeVirPciDeviceAddressParseXml(
            String domain, String bus, String slot, String function, String canonical) {
        PciAddress a = address(domain, bus, slot, function);
        assertThat(a.problems()).isEmpty();
        assertThat(a.isValid()).isTrue();
        assertThat(a.canonical()).isEqualTo(canonical);
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}: {4}")
    @CsvSource(
            delimiter = '|',
            nullValues = "NULL",
            value = {
                "0|0x100|0|0|Invalid PCI address bus='0x100', must be <= 0xFF",
                "0|0|0x20|0|Invalid PCI address slot='0x20', must be <= 0x1F",
                "0|0|040|0|Invalid PCI address slot='0x20', must be <= 0x1F",
                "0|0|1|8|Invalid PCI address function=0x8, must be <= 7",
                "0|1|0|8|Invalid PCI address function=0x8, must be <= 7",
                "1|0|0|8|Invalid PCI address function=0x8, must be <= 7"
            })
    void rangeProblems(String domain, String bus, String slot, String function, String message) {
        PciAddress a = address(domain, bus, slot, function);
        assertThat(a.isValid()).isFalse();
        assertThat(a.problem()).get().satisfies(p -> {
            assertThat(p.ruleId()).isEqualTo("address-pci-range");
            assertThat(p.message()).isEqualTo(message);
        });
        assertThat(a.canonical()).isNotEmpty();
    }

    @Test
    void emptyAddressSkipsRangeChecks() {
        PciAddress a = address("0", "0", "0", "9");
        assertThat(a.isEmpty()).isTrue();
        assertThat(a.problems()).isEmpty();
        assertThat(address(null, null, null, null).isEmpty()).isTrue();
        assertThat(address("0", "0", "1", "0").isEmpty()).isFalse();
    }

    @ParameterizedTest(name = "{0} ''{1}''")
    @CsvSource(
            delimiter = '|',
            value = {
                "function|-1",
                "slot|-0",
                "bus|0x",
                "domain|4294967296",
                "slot|08",
                "bus|''",
                "function|'1 '",
                "slot|five"
            })
    void unreadableAttributes(String attribute, String text) {
        PciAddress a = PciAddress.of(
                t(attribute.equals("domain") ? text : "0"), t(attribute.equals("bus") ? text : "0"),
                t(attribute.equals("slot") ? text : "1"), t(attribute.equals("function") ? text : "0"));
        assertThat(a.problems()).singleElement().satisfies(p -> {
            assertThat(p.ruleId()).isEqualTo("address-pci-invalid");
            assertThat(p.message())
                    .isEqualTo("Invalid value for attribute '" + attribute + "' in element 'address': '" + text
                            + "'. Expected non-negative integer value");
        });
        assertThatThrownBy(a::canonical).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void octalLookingParts() {
        assertThat(address("0x0000", "0x00", "010", "0x0").hasOctalLookingPart())
                .isTrue();
        assertThat(address("0000", "0", "8", "0").hasOctalLookingPart()).isTrue();
        assertThat(address("0x0000", "0x00", "0x10", "0").hasOctalLookingPart()).isFalse();
        assertThat(address(null, null, "10", null).hasOctalLookingPart()).isFalse();
    }

    @Test
    void factoriesAndTextForm() {
        PciAddress a = PciAddress.of(0, 0, 5, 0);
        assertThat(a.toString()).isEqualTo("domain='0x0000' bus='0x00' slot='0x05' function='0x0'");
        assertThat(a.domain()).contains(IntegerText.of("0x0000"));
        assertThat(a.canonical()).isEqualTo("0000:00:05.0");
        assertThat(PciAddress.parse("0000:00:05.0")).isEqualTo(a);
        assertThat(PciAddress.parse("00:1f.3").canonical()).isEqualTo("0000:00:1f.3");
        assertThat(address(null, null, "5", null).toString()).isEqualTo("slot='5'");
        assertThatThrownBy(() -> PciAddress.parse("0000:00:20.0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PciAddress.parse("0000:00:05.8")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PciAddress.parse("0000:00:05")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PciAddress.of(0, 256, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equalityIsOnTextsAndSameValueOnValues() {
        PciAddress hex = address("0x0000", "0x00", "0x05", "0x0");
        PciAddress dec = address(null, "0", "5", null);
        assertThat(hex).isNotEqualTo(dec);
        assertThat(hex)
                .isEqualTo(address("0x0000", "0x00", "0x05", "0x0"))
                .hasSameHashCodeAs(address("0x0000", "0x00", "0x05", "0x0"));
        assertThat(hex.sameValueAs(dec)).isTrue();
        assertThat(address("0", "0", "010", "0").sameValueAs(address("0", "0", "8", "0")))
                .isTrue();
        assertThat(address("0", "0", "010", "0").sameValueAs(address("0", "0", "10", "0")))
                .isFalse();
    }

    @Test
    void validAddressesRoundTripAndSpellingsAreSameValue() {
        qt().forAll(
                        integers().between(0, 0xFFFF),
                        integers().between(0, 0xFF),
                        integers().between(0, 0x1F),
                        longs().all())
                .checkAssert((d, b, s, seed) -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    int f = random.nextInt(8);
                    PciAddress a = PciAddress.of(d, b, s, f);
                    assertThat(a.isValid()).isTrue();
                    assertThat(PciAddress.of(
                                    IntegerText.of(a.domain().orElseThrow().toString()),
                                    IntegerText.of(a.bus().orElseThrow().toString()),
                                    IntegerText.of(a.slot().orElseThrow().toString()),
                                    IntegerText.of(a.function().orElseThrow().toString())))
                            .isEqualTo(a);
                    assertThat(PciAddress.parse(a.canonical()).sameValueAs(a)).isTrue();
                    PciAddress other =
                            PciAddress.of(spell(d, random), spell(b, random), spell(s, random), spell(f, random));
                    assertThat(other.isValid()).isTrue();
                    assertThat(other.sameValueAs(a)).isTrue();
                    assertThat(a.sameValueAs(other)).isTrue();
                    assertThat(other.sameValueAs(other)).isTrue();
                });
    }

    private static IntegerText spell(int value, SplittableRandom random) {
        return switch (random.nextInt(3)) {
            case 0 -> IntegerText.of(value);
            case 1 -> IntegerText.hex(value, random.nextInt(5));
            default -> IntegerText.of("0" + Integer.toOctalString(value));
        };
    }
}
