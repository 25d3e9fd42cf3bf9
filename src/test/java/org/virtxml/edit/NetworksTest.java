package org.virtxml.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.virtxml.corpus.LibvirtSchemas;
import org.virtxml.io.LibvirtXml;
import org.virtxml.model.MacAddress;
import org.virtxml.model.PciAddress;
import org.virtxml.model.domain.Domain;
import org.virtxml.model.domain.Interface;

class NetworksTest {
    private final Networks networks = Networks.withRandom(new SplittableRandom(11));

    @Test
    void addsEachKindOfNicAndAHostdevValidForTheSchema() throws Exception {
        Domain d = TestDocs.domain("samples/kvm-guest.xml").root();
        networks.addInterface(d, new InterfaceSpec.Network("isolated"));
        networks.addInterface(d, new InterfaceSpec.Bridge("br0"));
        networks.addInterface(d, new InterfaceSpec.Direct("eth0", "vepa"));
        networks.addInterface(d, new InterfaceSpec.SriovVf(PciAddress.parse("0000:03:10.2")));
        var changes = networks.addHostdev(d, PciAddress.parse("0000:06:00.0")).changes();

        var nics = d.getDevices().getInterface();
        assertThat(nics)
                .extracting(Interface::getType)
                .containsExactly("network", "network", "bridge", "direct", "hostdev");
        assertThat(nics.get(1).getSource().getNetwork()).isEqualTo("isolated");
        assertThat(nics.get(2).getSource().getBridge()).isEqualTo("br0");
        assertThat(nics.get(3).getSource().getDev()).isEqualTo("eth0");
        assertThat(nics.get(3).getSource().getMode()).isEqualTo("vepa");
        Interface vf = nics.get(4);
        assertThat(vf.getManaged()).isEqualTo("yes");
        assertThat(vf.getModel()).isNull();
        assertThat(vf.getSource().getAddress().getBus()).isEqualTo("0x03");
        assertThat(vf.getSource().getAddress().getSlot()).isEqualTo("0x10");
        assertThat(vf.getSource().getAddress().getFunction()).isEqualTo("0x2");
        assertThat(Networks.macsOf(d.getDevices())).hasSize(5);
        assertThat(nics.subList(1, 4)).allMatch(n -> n.getModel().getType().equals("virtio"));

        var hostdev = d.getDevices().getHostdev().get(0);
        assertThat(hostdev.getManaged()).isEqualTo("yes");
        assertThat(hostdev.getType()).isEqualTo("pci");
        assertThat(hostdev.getSource().getAddress().getBus()).isEqualTo("0x06");
        assertThat(changes).singleElement().extracting(Change::path).isEqualTo("/domain/devices/hostdev[1]");
        assertThat(LibvirtSchemas.errors("domain.rng", LibvirtXml.toXml(d))).isEmpty();
    }

    @Test
    void replaceKeepsMacAndModel() throws Exception {
        Domain d = TestDocs.domain("samples/kvm-guest.xml").root();
        MacAddress mac = MacAddress.of("52:54:00:3A:7C:15");
        networks.replaceInterface(d, mac, new InterfaceSpec.Bridge("br1"));
        Interface nic = d.getDevices().getInterface().get(0);
        assertThat(nic.getType()).isEqualTo("bridge");
        assertThat(nic.getSource().getBridge()).isEqualTo("br1");
        assertThat(nic.getSource().getNetwork()).isNull();
        assertThat(nic.getMac().getAddress().text()).isEqualTo("52:54:00:3a:7c:15");
        assertThat(nic.getModel().getType()).isEqualTo("virtio");
    }

    @Test
    void sriovSampleVfCanBeReplacedByANetworkAndGetsAModel() throws Exception {
        Domain d = TestDocs.domain("samples/sriov-guest.xml").root();
        networks.replaceInterface(d, MacAddress.of("52:54:00:5e:21:7b"), new InterfaceSpec.Network("default"));
        Interface nic = d.getDevices().getInterface().get(0);
        assertThat(nic.getType()).isEqualTo("network");
        assertThat(nic.getManaged()).isNull();
        assertThat(nic.getSource().getAddress()).isNull();
        assertThat(nic.getModel().getType()).isEqualTo("virtio");
        assertThat(nic.getVlan()).as("vlan is not the operation's to drop").isNotNull();
    }

    @Test
    void removeByMacIgnoresCaseAndRefusesAnUnknownMac() throws Exception {
        Domain d = TestDocs.domain("samples/kvm-guest.xml").root();
        assertThatThrownBy(() -> networks.removeInterface(d, MacAddress.of("52:54:00:00:00:01")))
                .isInstanceOf(EditRefusedException.class)
                .hasMessageContaining("52:54:00:00:00:01");
        var changes =
                networks.removeInterface(d, MacAddress.of("52:54:00:3A:7C:15")).changes();
        assertThat(d.getDevices().getInterface()).isEmpty();
        assertThat(changes).singleElement().extracting(Change::path).isEqualTo("/domain/devices/interface[1]");
    }

    @Test
    void passthroughSampleReleasesOneFunctionAndRefusesDoubleAssignment() throws Exception {
        Domain d = TestDocs.domain("samples/pci-passthrough-guest.xml").root();
        assertThatThrownBy(() -> networks.addHostdev(d, PciAddress.parse("0000:65:00.1")))
                .isInstanceOf(EditRefusedException.class)
                .hasMessageContaining("already assigned");
        assertThatThrownBy(() -> networks.addInterface(d, new InterfaceSpec.SriovVf(PciAddress.parse("65:00.0"))))
                .isInstanceOf(EditRefusedException.class);
        networks.removeHostdev(d, PciAddress.parse("0000:65:00.1"));
        assertThat(d.getDevices().getHostdev()).hasSize(1);
        assertThat(d.getDevices().getHostdev().get(0).getSource().getAddress().getFunction())
                .isEqualTo("0x0");
        assertThatThrownBy(() -> networks.removeHostdev(d, PciAddress.parse("0000:65:00.1")))
                .isInstanceOf(EditRefusedException.class);
    }

    @Test
    void interfaceSpecsParseFromTheCliSpelling() {
        assertThat(InterfaceSpec.parse("network:default")).isEqualTo(new InterfaceSpec.Network("default"));
        assertThat(InterfaceSpec.parse("bridge:br0")).isEqualTo(new InterfaceSpec.Bridge("br0"));
        assertThat(InterfaceSpec.parse("direct:eth0")).isEqualTo(new InterfaceSpec.Direct("eth0", "bridge"));
        assertThat(InterfaceSpec.parse("direct:eth0:passthrough"))
                .isEqualTo(new InterfaceSpec.Direct("eth0", "passthrough"));
        assertThat(InterfaceSpec.parse("sriov:0000:03:10.2"))
                .isEqualTo(new InterfaceSpec.SriovVf(PciAddress.parse("0000:03:10.2")));
        assertThatThrownBy(() -> InterfaceSpec.parse("wifi:wlan0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InterfaceSpec.parse("direct:eth0:sideways"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
