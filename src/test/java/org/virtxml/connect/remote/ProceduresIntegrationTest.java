package org.virtxml.connect.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.virtxml.connect.Connector;
import org.virtxml.connect.Connectors;
import org.virtxml.connect.ErrorCode;
import org.virtxml.connect.LibraryVersion;
import org.virtxml.connect.LibvirtException;
import org.virtxml.connect.NetworkSummary;
import org.virtxml.connect.UndefineOption;
import org.virtxml.connect.VolumeSummary;
import org.virtxml.connect.XmlFlavor;

/**
 * The operator's procedures against the real daemon (test driver {@code test:///default}, and
 * {@code qemu:///system} for domain capabilities); needs -Dvirtxml.libvirt=true. Device attach,
 * detach and update, which the test driver lacks, are in {@link QemuDevicesIntegrationTest}.
 */
@Timeout(120)
class ProceduresIntegrationTest {
    private Connector connector;
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void connect() {
        LibvirtDaemon.require();
        connector = Connectors.open("test:///default");
    }

    @AfterEach
    void close() {
        if (connector != null) {
            connector.close();
        }
    }

    private static String testDomain(String name, String devices) {
        return "<domain type='test'><name>" + name + "</name><uuid>" + UUID.randomUUID() + "</uuid>"
                + "<memory unit='MiB'>64</memory><vcpu>1</vcpu><os><type arch='i686'>hvm</type></os>"
                + "<devices>" + devices + "</devices></domain>";
    }

    @Test
    void libraryVersionAndCallCounts() {
        long before = connector.calls().of("CONNECT_GET_LIB_VERSION");
        LibraryVersion version = connector.libraryVersion();
        assertThat(version.major()).isPositive();
        assertThat(LibraryVersion.of(version.encoded())).isEqualTo(version);
        assertThat(connector.calls().of("CONNECT_GET_LIB_VERSION")).isEqualTo(before + 1);
    }

    @Test
    void domainCapabilitiesOfQemu() {
        try (Connector qemu = Connectors.open("qemu:///system")) {
            String caps = qemu.domainCapabilitiesXml("/usr/bin/qemu-system-x86_64", "x86_64", null, "qemu");
            assertThat(caps)
                    .contains("<domainCapabilities>")
                    .contains("<domain>qemu</domain>")
                    .contains("<arch>x86_64</arch>");
        }
    }

    @Test
    void domainAutostartAndUndefineWithFlags() {
        String name = "virtxml-auto-" + suffix;
        connector.defineDomain(testDomain(name, ""));
        try {
            assertThat(connector.domainAutostart(name)).isFalse();
            connector.setDomainAutostart(name, true);
            assertThat(connector.domainAutostart(name)).isTrue();
            connector.setDomainAutostart(name, false);
            assertThat(connector.domainAutostart(name)).isFalse();
        } finally {
            connector.undefineDomain(name, EnumSet.of(UndefineOption.SNAPSHOTS_METADATA, UndefineOption.MANAGED_SAVE));
        }
        assertThat(connector.findDomain(name)).isEmpty();
        assertThat(connector.calls().of("DOMAIN_UNDEFINE_FLAGS")).isEqualTo(1);
    }

    @Test
    void defineWithValidationRefusesWhatTheSchemaForbids() {
        String name = "virtxml-valid-" + suffix;
        String invalid = testDomain(name, "").replace("<vcpu>1</vcpu>", "<vcpu>1</vcpu><no-such-element/>");
        assertThatThrownBy(() -> connector.defineDomain(invalid, true))
                .isInstanceOfSatisfying(
                        LibvirtException.class,
                        e -> assertThat(e.errorCode()).contains(ErrorCode.VIR_ERR_XML_INVALID_SCHEMA));
        assertThat(connector.findDomain(name)).isEmpty();
        connector.defineDomain(testDomain(name, ""), true);
        try {
            assertThat(connector.findDomain(name)).isPresent();
            assertThat(connector.calls().of("DOMAIN_DEFINE_XML_FLAGS")).isEqualTo(2);
        } finally {
            connector.undefineDomain(name);
        }
    }

    @Test
    void networksDefineStartAutostartReadBackAndGo() {
        String name = "virtxml-net-" + suffix;
        UUID uuid = UUID.randomUUID();
        String xml = "<network><name>" + name + "</name><uuid>" + uuid + "</uuid><forward mode='nat'/>"
                + "<bridge name='vx" + suffix.substring(0, 6) + "'/>"
                + "<ip address='192.168.213.1' netmask='255.255.255.0'><dhcp>"
                + "<range start='192.168.213.2' end='192.168.213.254'/></dhcp></ip></network>";
        NetworkSummary defined = connector.defineNetwork(xml);
        try {
            assertThat(defined).isEqualTo(new NetworkSummary(name, uuid, false, true));
            connector.startNetwork(name);
            assertThat(connector.lookupNetwork(name).active()).isTrue();
            assertThat(connector.listNetworks()).contains(new NetworkSummary(name, uuid, true, true));
            connector.setNetworkAutostart(name, true);
            assertThat(connector.networkAutostart(name)).isTrue();
            // the test driver has no VIR_NETWORK_XML_INACTIVE (qemu:///system's network test reads the definition)
            assertThatThrownBy(() -> connector.networkXml(name, XmlFlavor.INACTIVE))
                    .isInstanceOfSatisfying(
                            LibvirtException.class,
                            e -> assertThat(e.errorCode()).contains(ErrorCode.VIR_ERR_INVALID_ARG));
            assertThat(connector.networkXml(name, XmlFlavor.LIVE))
                    .contains("<name>" + name + "</name>")
                    .contains("192.168.213.1");
            assertThat(connector
                            .networkDocument(name, XmlFlavor.LIVE)
                            .root()
                            .getName()
                            .getText())
                    .isEqualTo(name);
            connector.stopNetwork(name);
            assertThat(connector.lookupNetwork(name).active()).isFalse();
        } finally {
            if (connector.lookupNetwork(name).active()) {
                connector.stopNetwork(name);
            }
            connector.undefineNetwork(name);
        }
        assertThat(connector.findNetwork(name)).isEmpty();
        assertThatThrownBy(() -> connector.lookupNetwork(name))
                .isInstanceOfSatisfying(
                        LibvirtException.class, e -> assertThat(e.errorCode()).contains(ErrorCode.VIR_ERR_NO_NETWORK));
    }

    @Test
    void poolAutostartAndVolumeClone() {
        String pool = "virtxml-clonepool-" + suffix;
        connector.defineStoragePool("<pool type='dir'><name>" + pool + "</name>"
                + "<target><path>/var/lib/virtxml-test/" + pool + "</path></target></pool>");
        try {
            connector.startStoragePool(pool);
            assertThat(connector.storagePoolAutostart(pool)).isFalse();
            connector.setStoragePoolAutostart(pool, true);
            assertThat(connector.storagePoolAutostart(pool)).isTrue();
            connector.createVolume(pool, "<volume><name>base.img</name><capacity unit='MiB'>8</capacity></volume>");
            VolumeSummary clone = connector.cloneVolume(
                    pool, "<volume><name>clone.img</name><capacity unit='MiB'>8</capacity></volume>", pool, "base.img");
            assertThat(clone.name()).isEqualTo("clone.img");
            assertThat(connector.listVolumes(pool))
                    .extracting(VolumeSummary::name)
                    .contains("base.img", "clone.img");
            assertThat(connector.calls().of("STORAGE_VOL_CREATE_XML_FROM")).isEqualTo(1);
            connector.deleteVolume(pool, "clone.img");
            connector.deleteVolume(pool, "base.img");
            connector.stopStoragePool(pool);
        } finally {
            connector.undefineStoragePool(pool);
        }
    }
}
