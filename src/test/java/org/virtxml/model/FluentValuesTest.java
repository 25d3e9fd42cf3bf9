package org.virtxml.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.virtxml.io.LibvirtXml;
import org.virtxml.model.domain.DomainMemory;
import org.virtxml.model.domain.DomainVcpu;
import org.virtxml.model.domain.HostdevSourceAddress;
import org.virtxml.model.domain.OsType;
import org.virtxml.model.volume.Capacity;

/** Text, sizes, integers and PCI addresses have fluent forms that return the element's own class. */
class FluentValuesTest {

    @Test
    void sizesKeepNumberAndUnitAsGiven() {
        DomainMemory m = new DomainMemory().withSize(4, Unit.GIB);
        assertThat(m.size()).isEqualTo(DataSize.of("4", "GiB"));
        Capacity c = new Capacity().withSize(DataSize.of("10", "G"));
        assertThat(c.getText()).isEqualTo("10");
        assertThat(c.getUnit()).isEqualTo("G");
    }

    @Test
    void integersAndTextChainWithTheGeneratedSetters() {
        DomainVcpu v = new DomainVcpu().withValue(IntegerText.of("0x4")).withPlacement("static");
        assertThat(v.value().value()).hasValue(4);
        assertThat(v.getText()).isEqualTo("0x4");
        OsType t = new OsType().withArch("x86_64").withText("hvm").withMachine("q35");
        assertThat(t.getText()).isEqualTo("hvm");
        assertThat(t.getMachine()).isEqualTo("q35");
    }

    @Test
    void leavesAndAddresses() {
        assertThat(new IntegerLeaf().withValue(5900).getText()).isEqualTo("5900");
        Uuid u = Uuid.of("c7a5fdbd-edaf-9455-926a-d65c16db1809");
        assertThat(new UuidLeaf().withUuid(u).uuid()).isEqualTo(u);
        HostdevSourceAddress a = new HostdevSourceAddress().withPciAddress(PciAddress.parse("0000:06:00.1"));
        assertThat(a.getBus()).isEqualTo("0x06");
        assertThat(a.getFunction()).isEqualTo("0x1");
    }

    @Test
    void aBuiltElementWritesWhatItSays() throws Exception {
        String xml = LibvirtXml.toXml(new org.virtxml.model.domain.Domain()
                .withType("kvm")
                .withName(Leaf.of("v"))
                .withMemory(new DomainMemory().withSize(512, Unit.MIB))
                .withVcpu(new DomainVcpu().withValue(2)));
        assertThat(xml).contains("<memory unit=\"MiB\">512</memory>", "<vcpu>2</vcpu>");
    }
}
