package org.virtxml.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.virtxml.model.ValueProblem;
import org.virtxml.model.network.Ip;
import org.virtxml.model.network.Network;

/** A network's IP addresses and VLAN ids read as value types: invalid text kept exactly and reported. */
class NetworkValueTypesTest {

    private static final String DOC = "<network>\n  <name>n</name>\n  <vlan>\n    <tag id='5000'/>\n  </vlan>\n"
            + "  <ip family='ipv6' address='2001:DB8::1' prefix='64'>\n"
            + "    <dhcp>\n      <range start='2001:db8::10' end='2001:db8::zz'/>\n    </dhcp>\n  </ip>\n"
            + "  <ip address='192.168.1.300' netmask='255.255.255.0'/>\n</network>\n";

    @Test
    void valuesAreTypedAndInvalidTextIsKeptAndReported() throws Exception {
        LibvirtDocument<?> doc = LibvirtXml.defaults().parse(DOC);
        Network n = (Network) doc.root();
        Ip v6 = n.getIp().get(0);
        assertThat(v6.getAddress().isIpv6()).isTrue();
        assertThat(v6.getAddress().canonical()).isEqualTo("2001:db8::1");
        assertThat(v6.getDhcp().getRange().get(0).getStart().problem()).isEmpty();
        assertThat(v6.getDhcp()
                        .getRange()
                        .get(0)
                        .getEnd()
                        .problem()
                        .orElseThrow()
                        .ruleId())
                .isEqualTo(ValueProblem.IP_ADDRESS_INVALID);
        assertThat(n.getIp().get(1).getAddress().problem().orElseThrow().message())
                .isEqualTo("Cannot parse socket address '192.168.1.300'");
        assertThat(n.getVlan().getTag().get(0).getId().problem().orElseThrow().message())
                .isEqualTo("vlan tag id 5000 too large (maximum 4095)");
        assertThat(doc.write()).isEqualTo(DOC);
        assertThat(LosslessCheck.compare(DOC, doc.normalized())).isEmpty();
    }
}
