package org.virtxml.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressTest {

    @ParameterizedTest(name = "''{0}'' reads as {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "192.168.122.1|192.168.122.1",
                "0.0.0.0|0.0.0.0",
                "255.255.255.255|255.255.255.255",
                // inet_aton's forms, which getaddrinfo(AI_NUMERICHOST) accepts
                "10.1|10.0.0.1",
                "127.1.2|127.1.0.2",
                "3232235777|192.168.1.1",
                "0x0a.0.0.1|10.0.0.1",
                "010.0.0.1|8.0.0.1",
                "2001:db8:ca2:2::1|2001:db8:ca2:2::1",
                "2001:DB8:0:0:0:0:0:1|2001:db8::1",
                "::|::",
                "::1|::1",
                "fe80::|fe80::",
                "2001:db8:0:1:0:0:0:0|2001:db8:0:1::",
                "1:0:0:2:0:0:0:3|1:0:0:2::3",
                "1:0:0:2:0:0:3:4|1::2:0:0:3:4",
                "1:2:3:4:5:6:7:8|1:2:3:4:5:6:7:8",
                "1:0:3:4:5:6:7:8|1:0:3:4:5:6:7:8",
                "::ffff:192.168.1.1|::ffff:192.168.1.1",
                "::FFFF:c0a8:0101|::ffff:192.168.1.1",
                "::192.168.1.1|::192.168.1.1",
                "0001:0db8::0001|1:db8::1",
                "fe80::1%eth0|fe80::1"
            })
    void readsWhatGetaddrinfoReads(String text, String canonical) {
        IpAddress a = IpAddress.of(text);
        assertThat(a.isValid()).isTrue();
        assertThat(a.problem()).isEmpty();
        assertThat(a.canonical()).isEqualTo(canonical);
        assertThat(a.text()).isEqualTo(text);
        assertThat(a.sameValueAs(IpAddress.of(canonical))).isTrue();
        assertThat(a.isCanonical()).isEqualTo(text.equals(canonical));
        assertThat(a.isIpv6()).isEqualTo(text.contains(":"));
        assertThat(a.isIpv4()).isEqualTo(!text.contains(":"));
    }

    @ParameterizedTest(name = "''{0}'' is ip-address-invalid")
    @ValueSource(
            strings = {
                "",
                " 192.168.1.1",
                "192.168.1.1 ",
                "192.168.1.256",
                "1.2.3.4.5",
                "1.2.3.",
                ".1.2.3",
                "1..2.3",
                "08.1.2.3",
                "1.2.3.0x",
                "192.168.1.x",
                "10.0.65536",
                "4294967296",
                "-1.2.3.4",
                "+1.2.3.4",
                "1:2:3:4:5:6:7",
                "1:2:3:4:5:6:7:8:9",
                "1::2::3",
                ":1:2:3:4:5:6:7",
                "1:2:3:4:5:6:7:",
                "12345::1",
                "::g",
                "1:2:3:4:5:6:7:8::",
                "::1.2.3",
                "::01.2.3.4",
                "::1.2.3.256",
                "fe80::1%",
                "default",
                "localhost"
            })
    void rejectsWhatGetaddrinfoRejects(String text) {
        IpAddress a = IpAddress.of(text);
        assertThat(a.isValid()).isFalse();
        assertThat(a.problem()).get().extracting(ValueProblem::ruleId).isEqualTo(ValueProblem.IP_ADDRESS_INVALID);
        assertThat(a.problem().orElseThrow().message()).isEqualTo("Cannot parse socket address '" + text + "'");
        assertThat(a.text()).isEqualTo(text);
        assertThatThrownBy(a::octets).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> IpAddress.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void agreesWithTheJdkOnRandomIpv6Addresses() throws Exception {
        SplittableRandom random = new SplittableRandom(9);
        for (int i = 0; i < 2000; i++) {
            byte[] b = new byte[16];
            for (int k = 0; k < 16; k++) {
                // many zero groups, so that "::" is exercised
                b[k] = random.nextInt(3) == 0 ? (byte) random.nextInt(256) : 0;
            }
            IpAddress a = IpAddress.ofOctets(b);
            assertThat(a.octets()).as(a.text()).isEqualTo(b);
            assertThat(InetAddress.getByName(a.text()).getAddress())
                    .as(a.text())
                    .isEqualTo(b.clone());
        }
    }

    @Test
    void schemaMatchIsStricterThanTheParser() {
        assertThat(IpAddress.of("192.168.1.1").matchesSchema()).isTrue();
        assertThat(IpAddress.of("2001:db8::1").matchesSchema()).isTrue();
        assertThat(IpAddress.of("10.1").matchesSchema()).isFalse();
        assertThat(IpAddress.of("10.1").isValid()).isTrue();
        assertThat(IpAddress.of("fe80::1%eth0").matchesSchema()).isFalse();
    }

    @Test
    void equalityIsOnTheExactText() {
        assertThat(IpAddress.of("2001:db8::1"))
                .isEqualTo(IpAddress.of("2001:db8::1"))
                .isNotEqualTo(IpAddress.of("2001:DB8::1"));
        assertThat(IpAddress.of("2001:db8::1").sameValueAs(IpAddress.of("2001:DB8:0::1")))
                .isTrue();
        assertThat(IpAddress.of("x").sameValueAs(IpAddress.of("x"))).isTrue();
        assertThat(IpAddress.of("x").sameValueAs(IpAddress.of("y"))).isFalse();
        assertThatThrownBy(() -> IpAddress.ofOctets(new byte[5])).isInstanceOf(IllegalArgumentException.class);
    }
}
