package org.virtxml.model.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChardevViewTest {

    private static Devices devices(String xml) throws Exception {
        return TestDevices.of(xml);
    }

    @Test
    void eachTypeReadsItsOwnSource() throws Exception {
        Devices d = devices("<serial type='tcp'><source mode='bind' host='127.0.0.1' service='4555'/>"
                + "<protocol type='telnet'/><target port='0'/></serial>"
                + "<serial type='udp'><source mode='bind' host='0.0.0.0' service='2445'/>"
                + "<source mode='connect' host='10.0.0.1' service='2445'/></serial>"
                + "<console><target type='serial'/></console>"
                + "<channel type='unix'><source mode='bind' path='/tmp/guestfwd'/><target type='virtio' name='x'/></channel>"
                + "<channel type='spicevmc'><target type='virtio' name='com.redhat.spice.0'/></channel>"
                + "<parallel type='file'><source path='/tmp/lpt' append='on'/></parallel>");
        assertThat(d.getSerial().get(0).source())
                .isEqualTo(new ChardevSourceVariant.Tcp("127.0.0.1", "4555", "bind", "telnet"));
        assertThat(d.getSerial().get(1).source())
                .isEqualTo(new ChardevSourceVariant.Udp("10.0.0.1", "2445", "0.0.0.0", "2445"));
        assertThat(d.getConsole().get(0).effectiveType()).isEqualTo("pty");
        assertThat(d.getConsole().get(0).source()).isEqualTo(new ChardevSourceVariant.Pty(null));
        assertThat(d.getChannel().get(0).source()).isEqualTo(new ChardevSourceVariant.Unix("/tmp/guestfwd", "bind"));
        assertThat(d.getChannel().get(1).source()).isEqualTo(new ChardevSourceVariant.Plain("spicevmc"));
        assertThat(d.getParallel().get(0).source()).isEqualTo(new ChardevSourceVariant.File("/tmp/lpt", "on"));
    }

    @Test
    void settingAVariantSetsTheTypeAndClearsTheOthersAttributes() throws Exception {
        Serial s = devices("<serial type='tcp'><source mode='connect' host='h' service='9'><reconnect enabled='yes'/>"
                        + "</source><protocol type='raw'/><target port='0'/></serial>")
                .getSerial()
                .get(0);
        Serial same = s.source(new ChardevSourceVariant.Unix("/run/s.sock", "bind"));
        assertThat(same).isSameAs(s);
        assertThat(s.getType()).isEqualTo("unix");
        assertThat(s.getProtocol()).as("protocol belongs to tcp").isNull();
        assertThat(s.getSource()).singleElement().satisfies(src -> {
            assertThat(src.getHost()).isNull();
            assertThat(src.getService()).isNull();
            assertThat(src.getPath()).isEqualTo("/run/s.sock");
            assertThat(src.getReconnect()).as("other content stays").isNotNull();
        });
        s.source(new ChardevSourceVariant.Udp("10.0.0.1", "2445", null, "2446"));
        assertThat(s.getSource()).hasSize(2);
        assertThat(s.source()).isEqualTo(new ChardevSourceVariant.Udp("10.0.0.1", "2445", null, "2446"));
        s.source(new ChardevSourceVariant.Plain("null"));
        assertThat(s.getType()).isEqualTo("null");
        assertThat(s.getSource())
                .singleElement()
                .satisfies(src -> assertThat(src.getReconnect()).isNotNull());
    }

    @Test
    void plainTakesOnlyTypesWithoutSource() {
        assertThatThrownBy(() -> new ChardevSourceVariant.Plain("tcp")).isInstanceOf(IllegalArgumentException.class);
    }
}
