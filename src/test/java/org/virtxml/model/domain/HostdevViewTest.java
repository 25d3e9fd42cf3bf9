package org.virtxml.model.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.virtxml.model.PciAddress;
import org.virtxml.model.Uuid;

class HostdevViewTest {

    private static Hostdev hostdev(String xml) throws Exception {
        return TestDevices.of(xml).getHostdev().get(0);
    }

    @Test
    void eachModeAndTypeReadsItsOwnSource() throws Exception {
        Hostdev pci = hostdev("<hostdev type='pci' managed='yes'><source>"
                + "<address domain='0x0000' bus='0x06' slot='0x00' function='0x0'/></source></hostdev>");
        assertThat(pci.effectiveMode()).isEqualTo("subsystem");
        assertThat(pci.source())
                .isInstanceOfSatisfying(
                        HostdevSourceVariant.Pci.class,
                        p -> assertThat(p.pciAddress().sameValueAs(PciAddress.parse("0000:06:00.0")))
                                .isTrue());
        assertThat(hostdev("<hostdev mode='subsystem' type='usb'><source><vendor id='0x1234'/><product id='0xbeef'/>"
                                + "</source></hostdev>")
                        .source())
                .isEqualTo(new HostdevSourceVariant.Usb("0x1234", "0xbeef", null));
        assertThat(hostdev("<hostdev mode='subsystem' type='mdev' model='vfio-pci'><source>"
                                + "<address uuid='c2177883-f1bb-47f0-914d-32a22e3a8804'/></source></hostdev>")
                        .source())
                .isEqualTo(new HostdevSourceVariant.Mdev(Uuid.of("c2177883-f1bb-47f0-914d-32a22e3a8804")));
        assertThat(hostdev("<hostdev mode='capabilities' type='storage'><source><block>/dev/sdf1</block></source>"
                                + "</hostdev>")
                        .source())
                .isEqualTo(new HostdevSourceVariant.Storage("/dev/sdf1"));
        assertThat(hostdev("<hostdev mode='capabilities' type='pci'/>").source())
                .isEqualTo(new HostdevSourceVariant.Other("capabilities", "pci"));
    }

    @Test
    void settingAVariantSetsModeAndTypeAndClearsTheOthersContent() throws Exception {
        Hostdev h = hostdev("<hostdev mode='subsystem' type='usb' managed='yes'><source startupPolicy='optional'>"
                + "<vendor id='0x1234'/><product id='0xbeef'/></source></hostdev>");
        h.source(new HostdevSourceVariant.Pci(
                new HostdevSourceAddress().withPciAddress(PciAddress.parse("0000:06:00.1"))));
        assertThat(h.getType()).isEqualTo("pci");
        assertThat(h.getMode()).isEqualTo("subsystem");
        assertThat(h.getSource().getVendor()).isNull();
        assertThat(h.getSource().getProduct()).isNull();
        assertThat(h.getSource().getStartupPolicy()).isEqualTo("optional");
        assertThat(h.getSource().getAddress().getFunction()).isEqualTo("0x1");
        h.source(new HostdevSourceVariant.Net("eth3"));
        assertThat(h.getMode()).isEqualTo("capabilities");
        assertThat(h.getType()).isEqualTo("net");
        assertThat(h.getSource().getAddress()).isNull();
        assertThat(h.getSource().getInterface().getText()).isEqualTo("eth3");
    }
}
