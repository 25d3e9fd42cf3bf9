package org.virtxml.model.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.virtxml.model.IntegerText;

class InterfaceViewTest {

    private static Interface nic(String xml) throws Exception {
        return TestDevices.of(xml).getInterface().get(0);
    }

    private static String written(Interface i) {
        return TestDevices.written(new Devices().withInterface(i));
    }

    @Test
    void eachTypeReadsItsOwnAttributesOnly() throws Exception {
        assertThat(nic("<interface type='network'><source network='default' portgroup='web' bridge='x'/></interface>")
                        .source())
                .isEqualTo(new InterfaceSourceVariant.Network("default", "web"));
        assertThat(nic("<interface type='bridge'><source bridge='br0' network='n'/></interface>")
                        .source())
                .isEqualTo(new InterfaceSourceVariant.Bridge("br0"));
        assertThat(nic("<interface type='direct'><source dev='eth0' mode='bridge'/></interface>")
                        .source())
                .isEqualTo(new InterfaceSourceVariant.Direct("eth0", "bridge"));
        assertThat(nic("<interface type='user'/>").source()).isEqualTo(new InterfaceSourceVariant.User());
        assertThat(nic("<interface type='ethernet'/>").source()).isEqualTo(new InterfaceSourceVariant.Ethernet());
        assertThat(nic("<interface type='vhostuser'><source type='unix' path='/s' mode='client'/></interface>")
                        .source())
                .isEqualTo(new InterfaceSourceVariant.Vhostuser("/s", "client"));
        assertThat(nic("<interface type='udp'><source address='127.0.0.1' port='5555'/></interface>")
                        .source())
                .isEqualTo(new InterfaceSourceVariant.Socket("udp", "127.0.0.1", IntegerText.of(5555)));
        assertThat(nic("<interface type='null'/>").source()).isEqualTo(new InterfaceSourceVariant.Other("null"));
        assertThat(nic("<interface><source bridge='br0'/></interface>").source())
                .isEqualTo(new InterfaceSourceVariant.Other(""));
        assertThat(nic("<interface type='hostdev'><source><address type='pci' domain='0x0000' bus='0x03' slot='0x10'"
                                + " function='0x1'/></source></interface>")
                        .source())
                .isInstanceOfSatisfying(
                        InterfaceSourceVariant.Hostdev.class,
                        h -> assertThat(h.address().getBus()).isEqualTo("0x03"));
    }

    @Test
    void settingAVariantSetsTheTypeAndClearsTheOtherVariantsAttributes() throws Exception {
        Interface i = nic("<interface type='network'><mac address='52:54:00:00:00:01'/>"
                + "<source network='default' portgroup='web'/><model type='virtio'/></interface>");
        i.source(new InterfaceSourceVariant.Bridge("br0"));
        assertThat(i.getType()).isEqualTo("bridge");
        assertThat(i.getSource().getNetwork()).isNull();
        assertThat(i.getSource().getPortgroup()).isNull();
        assertThat(written(i))
                .contains("<source bridge=\"br0\"/>")
                .contains("52:54:00:00:00:01")
                .doesNotContain("network=");
        i.source(new InterfaceSourceVariant.Ethernet());
        assertThat(i.getType()).isEqualTo("ethernet");
        assertThat(i.getSource()).as("an emptied source is removed").isNull();
    }

    @Test
    void aSocketVariantOnlyTakesSocketTypes() {
        assertThatThrownBy(() -> new InterfaceSourceVariant.Socket("bridge", "a", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mcast, client, server, udp");
    }
}
