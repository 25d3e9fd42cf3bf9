package org.virtxml.model.bind;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import java.io.StringReader;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.virtxml.model.CpuSet;
import org.virtxml.model.IntegerText;
import org.virtxml.model.MacAddress;
import org.virtxml.model.Uuid;

class AdaptersTest {

    @ParameterizedTest(name = "''{0}'' is kept exactly")
    @ValueSource(
            strings = {
                "",
                " ",
                "0x05",
                "010",
                " 7 ",
                "c7a5fdbd-edaf-9455-926a-d65c16db1809",
                "C7A5FDBDEDAF9455926AD65C16DB1809 ",
                "52:54:0:1:2:3",
                "0-3, ^2",
                "garbage\t",
                "192.168.1.1",
                " 2001:db8::1",
                "4095"
            })
    void adaptersNeverTrimAndNeverFail(String text) throws Exception {
        assertThat(new UuidAdapter().marshal(new UuidAdapter().unmarshal(text))).isEqualTo(text);
        assertThat(new MacAddressAdapter().marshal(new MacAddressAdapter().unmarshal(text)))
                .isEqualTo(text);
        assertThat(new CpuSetAdapter().marshal(new CpuSetAdapter().unmarshal(text)))
                .isEqualTo(text);
        assertThat(new IntegerTextAdapter().marshal(new IntegerTextAdapter().unmarshal(text)))
                .isEqualTo(text);
        assertThat(new UuidAdapter().unmarshal(text)).isEqualTo(Uuid.of(text));
        assertThat(new MacAddressAdapter().unmarshal(text)).isEqualTo(MacAddress.of(text));
        assertThat(new CpuSetAdapter().unmarshal(text)).isEqualTo(CpuSet.of(text));
        assertThat(new IntegerTextAdapter().unmarshal(text)).isEqualTo(IntegerText.of(text));
        assertThat(new IpAddressAdapter().marshal(new IpAddressAdapter().unmarshal(text)))
                .isEqualTo(text);
        assertThat(new IpAddressAdapter().unmarshal(text)).isEqualTo(org.virtxml.model.IpAddress.of(text));
        assertThat(new VlanIdAdapter().marshal(new VlanIdAdapter().unmarshal(text)))
                .isEqualTo(text);
        assertThat(new VlanIdAdapter().unmarshal(text)).isEqualTo(org.virtxml.model.VlanId.of(text));
    }

    @Test
    void adaptersAreNullSafe() throws Exception {
        assertThat(new UuidAdapter().unmarshal(null)).isNull();
        assertThat(new UuidAdapter().marshal(null)).isNull();
        assertThat(new MacAddressAdapter().unmarshal(null)).isNull();
        assertThat(new MacAddressAdapter().marshal(null)).isNull();
        assertThat(new CpuSetAdapter().unmarshal(null)).isNull();
        assertThat(new CpuSetAdapter().marshal(null)).isNull();
        assertThat(new IntegerTextAdapter().unmarshal(null)).isNull();
        assertThat(new IntegerTextAdapter().marshal(null)).isNull();
        assertThat(new IpAddressAdapter().unmarshal(null)).isNull();
        assertThat(new IpAddressAdapter().marshal(null)).isNull();
        assertThat(new VlanIdAdapter().unmarshal(null)).isNull();
        assertThat(new VlanIdAdapter().marshal(null)).isNull();
    }

    /** A stand-in for a generated class that binds the value types. */
    @XmlRootElement(name = "probe")
    @XmlAccessorType(XmlAccessType.FIELD)
    static class Probe {
        @XmlElement(name = "uuid")
        @XmlJavaTypeAdapter(UuidAdapter.class)
        Uuid uuid;

        @XmlAttribute(name = "mac")
        @XmlJavaTypeAdapter(MacAddressAdapter.class)
        MacAddress mac;

        @XmlAttribute(name = "cpuset")
        @XmlJavaTypeAdapter(CpuSetAdapter.class)
        CpuSet cpuset;

        @XmlAttribute(name = "slot")
        @XmlJavaTypeAdapter(IntegerTextAdapter.class)
        IntegerText slot;

        @XmlAttribute(name = "bus")
        @XmlJavaTypeAdapter(IntegerTextAdapter.class)
        IntegerText bus;
    }

    @Test
    void jaxbRoundTripKeepsExactTextsEvenWhenInvalid() throws Exception {
        String xml = "<probe mac='52:54:0:A:b:3' cpuset='0-3, ^2,' slot='010' bus='0xZZ'>"
                + "<uuid> C7A5FDBD-edaf-9455-926a-d65c16db1809 </uuid></probe>";
        JAXBContext context = JAXBContext.newInstance(Probe.class);
        Probe probe = (Probe) context.createUnmarshaller().unmarshal(new StringReader(xml));

        assertThat(probe.uuid.text()).isEqualTo(" C7A5FDBD-edaf-9455-926a-d65c16db1809 ");
        assertThat(probe.uuid.isValid()).isTrue();
        assertThat(probe.mac.text()).isEqualTo("52:54:0:A:b:3");
        assertThat(probe.mac.canonical()).isEqualTo("52:54:00:0a:0b:03");
        assertThat(probe.cpuset.text()).isEqualTo("0-3, ^2,");
        assertThat(probe.cpuset.canonical()).isEqualTo("0-1,3");
        assertThat(probe.slot.longValue()).isEqualTo(8);
        assertThat(probe.slot.isOctalLooking()).isTrue();
        assertThat(probe.bus.isValid()).isFalse();
        assertThat(probe.bus.text()).isEqualTo("0xZZ");

        Marshaller marshaller = context.createMarshaller();
        StringWriter out = new StringWriter();
        marshaller.marshal(probe, out);
        Probe again = (Probe) context.createUnmarshaller().unmarshal(new StringReader(out.toString()));
        assertThat(again.uuid).isEqualTo(probe.uuid);
        assertThat(again.mac).isEqualTo(probe.mac);
        assertThat(again.cpuset).isEqualTo(probe.cpuset);
        assertThat(again.slot).isEqualTo(probe.slot);
        assertThat(again.bus).isEqualTo(probe.bus);
        assertThat(out.toString())
                .contains(
                        "slot=\"010\"",
                        "bus=\"0xZZ\"",
                        "cpuset=\"0-3, ^2,\"",
                        "<uuid> C7A5FDBD-edaf-9455-926a-d65c16db1809 </uuid>");
    }
}
