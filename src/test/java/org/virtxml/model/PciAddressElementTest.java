package org.virtxml.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.virtxml.io.LibvirtXml;
import org.virtxml.model.domain.Domain;
import org.virtxml.model.domain.HostdevSourceAddress;

/** PCI address attributes stay as written and read as libvirt reads them. */
class PciAddressElementTest {

    @Test
    void hostDeviceSourceAddressReadsAsAPciAddressAndKeepsItsSpelling() throws Exception {
        Domain d = LibvirtXml.defaults()
                .readDomain(Path.of("src/test/resources/samples/pci-passthrough-guest.xml"))
                .root();
        HostdevSourceAddress a = d.getDevices().getHostdev().get(0).getSource().getAddress();
        assertThat(a.pciAddress().canonical()).isEqualTo("0000:65:00.0");
        assertThat(a.getBus()).isEqualTo("0x65");

        a.setPciAddress(PciAddress.of(0, 6, 0x10, 2));
        assertThat(a.pciAddress().sameValueAs(PciAddress.parse("0000:06:10.2"))).isTrue();
        assertThat(LibvirtXml.toXml(d))
                .contains("bus=\"0x06\"")
                .contains("slot=\"0x10\"")
                .contains("function=\"0x2\"");
    }

    @Test
    void absentAttributesReadAsZeroAndOctalLookingValuesAsLibvirtReadsThem() throws Exception {
        Domain d = LibvirtXml.defaults()
                .parseDomain("<domain type='kvm'><devices><disk type='file' device='disk'>"
                        + "<address type='pci' bus='010' slot='0x3'/></disk></devices></domain>")
                .root();
        PciAddress p = d.getDevices().getDisk().get(0).getAddress().pciAddress();
        assertThat(p.busValue()).hasValue(8);
        assertThat(p.slotValue()).hasValue(3);
        assertThat(p.hasOctalLookingPart()).isTrue();
    }
}
