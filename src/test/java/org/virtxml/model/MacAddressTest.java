package org.virtxml.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MacAddressTest {

    @ParameterizedTest(name = "''{0}'' reads as {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "52:54:00:12:34:56|52:54:00:12:34:56",
                "52:54:0:1:2:3|52:54:00:01:02:03",
                "52:54:00:AB:cd:Ef|52:54:00:ab:cd:ef",
                "0:1E:FC:E:3a:CB|00:1e:fc:0e:3a:cb",
                "'52:54:00:12:34:56 '|52:54:00:12:34:56",
                "'52:54:00:12:34:56\t'|52:54:00:12:34:56",
                "'52:54:00:12:34:56 trailing'|52:54:00:12:34:56",
                "00:00:00:00:00:00|00:00:00:00:00:00"
            })
    void acceptsWhatVirMacAddrParseAccepts(String text, String canonical) {
        MacAddress mac = MacAddress.of(text);
        assertThat(mac.isParsable()).isTrue();
        assertThat(mac.isValid()).isTrue();
        assertThat(mac.problem()).isEmpty();
        assertThat(mac.canonical()).isEqualTo(canonical);
        assertThat(mac.toString()).isEqualTo(text);
        assertThat(mac.sameValueAs(MacAddress.of(canonical))).isTrue();
        assertThat(mac.isCanonical()).isEqualTo(text.equals(canonical));
    }

    @ParameterizedTest(name = "''{0}'' is mac-invalid")
    @ValueSource(
            strings = {
                "",
                "52-54-00-12-34-56",
                "52.54.00.12.34.56",
                "52:54:00:12:34",
                "52:54:00:12:34:56:78",
                " 52:54:00:12:34:56",
                "+52:54:00:12:34:56",
                "525:54:00:12:34:56",
                "52:54:00:12:34:5g",
                "52:54::12:34:56",
                "0x5:54:00:12:34:56",
                "52:54:00:12:34:56:",
                "52:54:00:12:34:56x",
                "52:+54:00:12:34:56",
                "52: 54:00:12:34:56",
                "525400123456"
            })
    void rejectsWhatVirMacAddrParseRejects(String text) {
        MacAddress mac = MacAddress.of(text);
        assertThat(mac.isParsable()).isFalse();
        assertThat(mac.isValid()).isFalse();
        assertThat(mac.problem()).get().satisfies(p -> {
            assertThat(p.ruleId()).isEqualTo("mac-invalid");
            assertThat(p.message()).isEqualTo("unable to parse mac address '" + text + "'");
        });
        assertThat(mac.toString()).isEqualTo(text);
        assertThatThrownBy(mac::octets).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> MacAddress.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unable to parse mac address '" + text + "'");
    }

    @ParameterizedTest(name = "''{0}'' is multicast")
    @ValueSource(strings = {"01:00:5e:00:00:01", "FF:FF:FF:FF:FF:FF", "53:54:00:12:34:56", "3:0:0:0:0:0"})
    void multicastIsReported(String text) {
        MacAddress mac = MacAddress.of(text);
        assertThat(mac.isParsable()).isTrue();
        assertThat(mac.isMulticast()).isTrue();
        assertThat(mac.isValid()).isFalse();
        assertThat(mac.problem()).get().satisfies(p -> {
            assertThat(p.ruleId()).isEqualTo("mac-multicast");
            assertThat(p.message()).isEqualTo("expected unicast mac address, found multicast '" + text + "'");
        });
        assertThat(MacAddress.parse(text).isMulticast()).isTrue();
    }

    @Test
    void octetsAreACopy() {
        MacAddress mac = MacAddress.of("52:54:00:01:02:03");
        byte[] octets = mac.octets();
        assertThat(octets).containsExactly(0x52, 0x54, 0x00, 0x01, 0x02, 0x03);
        octets[0] = 0;
        assertThat(mac.octets()[0]).isEqualTo((byte) 0x52);
        assertThat(MacAddress.ofOctets(new byte[] {0x52, 0x54, 0, 1, 2, 3}).text())
                .isEqualTo("52:54:00:01:02:03");
        assertThat(MacAddress.of("0:0:0:0:0:0").isAllZero()).isTrue();
        assertThat(mac.isAllZero()).isFalse();
    }

    @Test
    void equalityIsOnExactText() {
        assertThat(MacAddress.of("52:54:0:1:2:3")).isNotEqualTo(MacAddress.of("52:54:00:01:02:03"));
        assertThat(MacAddress.of("52:54:0:1:2:3"))
                .isEqualTo(MacAddress.of("52:54:0:1:2:3"))
                .hasSameHashCodeAs(MacAddress.of("52:54:0:1:2:3"));
    }

    @Test
    void randomKvmAddressesAreValidUnicastWithQemuPrefix() {
        qt().forAll(longs().all()).checkAssert(seed -> {
            MacAddress mac = MacAddress.randomKvm(new SplittableRandom(seed));
            assertThat(mac.isValid()).isTrue();
            assertThat(mac.isMulticast()).isFalse();
            assertThat(mac.text()).startsWith("52:54:00:").hasSize(17);
            assertThat(mac.isCanonical()).isTrue();
            assertThat(MacAddress.of(mac.toString())).isEqualTo(mac);
        });
    }

    @Test
    void spellingsOfOneAddressAreSameValue() {
        qt().forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            byte[] octets = new byte[6];
            random.nextBytes(octets);
            MacAddress canonical = MacAddress.ofOctets(octets);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                String hex = Integer.toHexString(octets[i] & 0xFF);
                if (hex.length() == 1 && random.nextBoolean()) {
                    hex = "0" + hex;
                }
                sb.append(i > 0 ? ":" : "").append(random.nextBoolean() ? hex.toUpperCase() : hex);
            }
            MacAddress other = MacAddress.of(sb.toString());
            assertThat(other.isParsable()).isTrue();
            assertThat(other.sameValueAs(canonical)).isTrue();
            assertThat(canonical.sameValueAs(other)).isTrue();
            assertThat(other.sameValueAs(other)).isTrue();
            assertThat(MacAddress.of(other.canonical()).sameValueAs(other)).isTrue();
            assertThat(MacAddress.of(other.toString())).isEqualTo(other);
        });
    }
}
