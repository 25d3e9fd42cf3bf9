package org.virtxml.connect.mem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.virtxml.connect.Connector;
import org.virtxml.connect.Connectors;
import org.virtxml.connect.DeviceScope;
import org.virtxml.connect.ErrorCode;
import org.virtxml.connect.LibvirtException;
import org.virtxml.connect.NetworkSummary;
import org.virtxml.connect.UndefineOption;
import org.virtxml.connect.XmlFlavor;

/** The in-memory host's operator procedures follow libvirt's rules (autostart, validation, devices, networks, clones). */
class MemoryConnectorProceduresTest {
    private static final String VM =
            "<domain type='kvm'><name>vm</name><uuid>11111111-2222-4333-8444-555555555555</uuid>"
                    + "<memory unit='MiB'>256</memory><vcpu>1</vcpu><os><type arch='x86_64'>hvm</type></os><devices/></domain>";

    @Test
    void validationRefusesWhatTheSchemaDoesNotKnowAndAutostartNeedsADefinition() {
        try (Connector c = Connectors.open("mem:///procs")) {
            assertThatThrownBy(() -> c.defineDomain(VM.replace("<vcpu>", "<bogus/><vcpu>"), true))
                    .isInstanceOfSatisfying(
                            LibvirtException.class,
                            e -> assertThat(e.errorCode()).contains(ErrorCode.VIR_ERR_XML_INVALID_SCHEMA));
            c.defineDomain(VM, true);
            c.setDomainAutostart("vm", true);
            assertThat(c.domainAutostart("vm")).isTrue();
            c.undefineDomain("vm", EnumSet.of(UndefineOption.NVRAM));
            assertThat(c.findDomain("vm")).isEmpty();
            assertThat(c.libraryVersion().major()).isEqualTo(11);
            assertThat(c.domainCapabilitiesXml(null, "x86_64", null, "kvm")).contains("<domain>kvm</domain>");
        }
    }

    @Test
    void devicesChangeTheStatesTheScopeNames() {
        String disk =
                "<disk type='file' device='disk'><source file='/tmp/d.img'/><target dev='vdb' bus='virtio'/></disk>";
        try (Connector c = Connectors.open("mem:///devs")) {
            c.defineDomain(VM);
            assertThatThrownBy(() -> c.attachDevice("vm", disk, Set.of(DeviceScope.LIVE)))
                    .hasMessageContaining("domain is not running");
            c.startDomain("vm");
            c.attachDevice("vm", disk, EnumSet.of(DeviceScope.LIVE));
            assertThat(c.domainXml("vm", XmlFlavor.LIVE)).contains("vdb");
            assertThat(c.domainXml("vm", XmlFlavor.INACTIVE)).doesNotContain("vdb");
            c.updateDevice("vm", disk.replace("/tmp/d.img", "/tmp/e.img"), EnumSet.of(DeviceScope.LIVE));
            assertThat(c.domainXml("vm", XmlFlavor.LIVE)).contains("/tmp/e.img");
            c.detachDevice("vm", disk, EnumSet.of(DeviceScope.LIVE));
            assertThat(c.domainXml("vm", XmlFlavor.LIVE)).doesNotContain("vdb");
            assertThatThrownBy(() -> c.detachDevice("vm", disk, EnumSet.of(DeviceScope.LIVE)))
                    .isInstanceOfSatisfying(
                            LibvirtException.class,
                            e -> assertThat(e.errorCode()).contains(ErrorCode.VIR_ERR_DEVICE_MISSING));
        }
    }

    @Test
    void networksAndVolumeClones() {
        try (Connector c = Connectors.open("mem:///nets")) {
            NetworkSummary n = c.defineNetwork("<network><name>lan</name><bridge name='virbr9'/></network>");
            assertThat(n.active()).isFalse();
            c.startNetwork("lan");
            c.setNetworkAutostart("lan", true);
            assertThat(c.listNetworks()).containsExactly(new NetworkSummary("lan", n.uuid(), true, true));
            assertThat(c.networkDocument("lan", XmlFlavor.INACTIVE)
                            .root()
                            .getName()
                            .getText())
                    .isEqualTo("lan");
            assertThatThrownBy(() -> c.defineNetwork("<network><name>lan</name></network>"))
                    .hasMessageContaining("already exists");
            c.stopNetwork("lan");
            c.undefineNetwork("lan");
            assertThat(c.findNetwork("lan")).isEmpty();

            c.defineStoragePool("<pool type='dir'><name>p</name><target><path>/images</path></target></pool>");
            c.startStoragePool("p");
            c.setStoragePoolAutostart("p", true);
            assertThat(c.storagePoolAutostart("p")).isTrue();
            c.createVolume("p", "<volume><name>base</name><capacity>1024</capacity></volume>");
            assertThat(c.cloneVolume("p", "<volume><name>copy</name><capacity>1024</capacity></volume>", "p", "base")
                            .key())
                    .isEqualTo("/images/copy");
            assertThatThrownBy(() ->
                            c.cloneVolume("p", "<volume><name>x</name><capacity>1</capacity></volume>", "p", "nope"))
                    .isInstanceOfSatisfying(
                            LibvirtException.class,
                            e -> assertThat(e.errorCode()).contains(ErrorCode.VIR_ERR_NO_STORAGE_VOL));
        }
    }
}
