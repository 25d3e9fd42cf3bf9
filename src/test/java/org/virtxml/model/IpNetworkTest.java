package org.virtxml.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class IpNetworkTest {

    private static IpNetwork of(String address, String netmask, String prefix) {
        return IpNetwork.of(
                        IpAddress.of(address),
                        netmask == null ? null : IpAddress.of(netmask),
                        prefix == null ? null : IntegerText.of(prefix))
                .orElseThrow();
    }

    @Test
    void prefixComesFromPrefixThenNetmaskThenTheDefault() {
        assertThat(of("192.168.122.1", "255.255.255.0", null).prefix()).isEqualTo(24);
        assertThat(of("192.168.122.1", "255.255.0.0", "24").prefix()).isEqualTo(24);
        assertThat(of("192.168.122.1", "255.255.0.0", "0").prefix())
                .as("prefix 0 is unset for libvirt")
                .isEqualTo(16);
        assertThat(of("10.1.2.3", null, null).prefix()).isEqualTo(8);
        assertThat(of("172.16.0.1", null, null).prefix()).isEqualTo(16);
        assertThat(of("192.168.0.1", null, null).prefix()).isEqualTo(24);
        assertThat(of("2001:db8:ca2:2::1", null, null).prefix()).isEqualTo(64);
        assertThat(of("2001:db8:ca2:2::1", null, "48").prefix()).isEqualTo(48);
        assertThat(IpNetwork.of(IpAddress.of("224.0.0.1"), null, null))
                .as("class D: no default")
                .isEmpty();
        assertThat(IpNetwork.of(IpAddress.of("192.168.1.1"), IpAddress.of("255.0.255.0"), null))
                .isEmpty();
        assertThat(IpNetwork.of(IpAddress.of("2001:db8::1"), IpAddress.of("255.255.255.0"), null))
                .isEmpty();
        assertThat(IpNetwork.of(IpAddress.of("192.168.1.1"), null, IntegerText.of("33")))
                .isEmpty();
        assertThat(IpNetwork.of(IpAddress.of("nonsense"), null, IntegerText.of("24")))
                .isEmpty();
        assertThat(IpNetwork.of(null, null, null)).isEmpty();
    }

    @Test
    void containsAndOverlapsWithinOneFamily() {
        IpNetwork v6 = IpNetwork.parseCidr("2001:db8:ca2:2::1/64").orElseThrow();
        assertThat(v6.describe()).isEqualTo("2001:db8:ca2:2::/64");
        assertThat(v6.contains(IpAddress.of("2001:db8:ca2:2:1::10"))).isTrue();
        assertThat(v6.contains(IpAddress.of("2001:db8:ca2:3::10"))).isFalse();
        assertThat(v6.contains(IpAddress.of("192.168.1.1"))).isFalse();
        assertThat(v6.overlaps(IpNetwork.parseCidr("2001:db8:ca2::/48").orElseThrow()))
                .isTrue();
        assertThat(v6.overlaps(IpNetwork.parseCidr("2001:db8:ca2:3::/64").orElseThrow()))
                .isFalse();
        IpNetwork v4 = IpNetwork.parseCidr("192.168.100.7/24").orElseThrow();
        assertThat(v4.describe()).isEqualTo("192.168.100.0/24");
        assertThat(v4.netmask().text()).isEqualTo("255.255.255.0");
        assertThat(v4.addressOf(v4.last()).text()).isEqualTo("192.168.100.255");
        assertThat(v4.addressOf(v4.base().add(BigInteger.ONE)).text()).isEqualTo("192.168.100.1");
        assertThat(v4.overlaps(IpNetwork.parseCidr("192.168.0.0/16").orElseThrow()))
                .isTrue();
        assertThat(v4.overlaps(IpNetwork.parseCidr("192.168.101.0/24").orElseThrow()))
                .isFalse();
        assertThat(v4.overlaps(v6)).isFalse();
        assertThat(IpNetwork.parseCidr("192.168.1.0")).isEmpty();
        assertThat(IpNetwork.parseCidr("192.168.1.0/33")).isEmpty();
        assertThat(IpNetwork.parseCidr("::/0").orElseThrow().contains(IpAddress.of("::1")))
                .isTrue();
    }
}
