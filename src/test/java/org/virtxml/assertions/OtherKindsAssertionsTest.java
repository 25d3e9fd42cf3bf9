package org.virtxml.assertions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.virtxml.edit.Describer;
import org.virtxml.io.LibvirtXml;
import org.virtxml.model.DocumentKind;
import org.virtxml.model.domain.Domain;
import org.virtxml.model.snapshot.DomainSnapshot;

/** LibvirtAssertions, detection and describe on the kinds beyond domain, pool and volume. */
class OtherKindsAssertionsTest {

    static final String NETWORK = "<network><name>default</name><uuid>3e3fce45-4f53-4fa7-bb32-11f34168b82b</uuid>"
            + "<forward mode='nat'/><bridge name='virbr0'/><mac address='52:54:00:0A:CD:21'/>"
            + "<ip address='192.168.122.1' netmask='255.255.255.0'><dhcp>"
            + "<range start='192.168.122.2' end='192.168.122.254'/></dhcp></ip></network>";

    @Test
    void networksCompareAsLibvirtReadsThem() {
        LibvirtAssertions.assertLibvirtEqual(
                NETWORK,
                NETWORK.replace("52:54:00:0A:CD:21", "52:54:00:0a:cd:21")
                        .replace("3e3fce45-4f53-4fa7-bb32-11f34168b82b", "3e3fce454f534fa7bb3211f34168b82b"));
        assertThatThrownBy(() -> LibvirtAssertions.assertLibvirtEqual(NETWORK, NETWORK.replace("virbr0", "virbr1")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("/network/bridge/@name: virbr0 → virbr1");
        LibvirtAssertions.assertRoundTripsLosslessly(NETWORK);
    }

    @Test
    void everyKindIsDetectedByItsRoot() throws Exception {
        for (DocumentKind k : DocumentKind.values()) {
            assertThat(LibvirtXml.defaults().parse("<" + k.rootElement() + "/>").kind())
                    .isEqualTo(k);
        }
    }

    @Test
    void aSnapshotsDomainIsTheDomainsOwnClass() throws Exception {
        DomainSnapshot s = (DomainSnapshot) LibvirtXml.defaults()
                .parse("<domainsnapshot><name>s1</name><domain type='kvm'>"
                        + "<name>vm</name><memory>1048576</memory></domain></domainsnapshot>")
                .root();
        assertThat(s.getDomain()).isInstanceOf(Domain.class);
        assertThat(s.getDomain()
                        .getMemory()
                        .size()
                        .bytes(org.virtxml.model.Unit.KIB)
                        .getAsLong())
                .isEqualTo(1L << 30);
    }

    @Test
    void describeNamesTheKindAndItsIdentity() throws Exception {
        String net =
                Describer.describe(LibvirtXml.defaults().parse(NETWORK).root()).toText();
        assertThat(net)
                .contains("kind: network")
                .contains("name: default")
                .contains("forward: nat")
                .contains("bridge: virbr0")
                .contains("dhcp 192.168.122.2 - 192.168.122.254");
        String secret = Describer.describe(LibvirtXml.defaults()
                        .parse("<secret><uuid>8a3d5f2e-4c1b-4e6a-9d7f-2b1c0e9a8f63</uuid>" + "</secret>")
                        .root())
                .toText();
        assertThat(secret).contains("kind: secret").contains("uuid: 8a3d5f2e-4c1b-4e6a-9d7f-2b1c0e9a8f63");
    }
}
