package org.virtxml.connect.mem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.virtxml.connect.DomainState;
import org.virtxml.connect.DomainSummary;
import org.virtxml.connect.ErrorCode;
import org.virtxml.connect.LibvirtException;
import org.virtxml.connect.StoragePoolState;
import org.virtxml.connect.VolumeSummary;
import org.virtxml.connect.XmlFlavor;

class MemoryConnectorTest {
    private static final UUID U1 = UUID.fromString("c7a5fdbd-edaf-9455-926a-d65c16db1809");
    private static final UUID U2 = UUID.fromString("c7a5fdbd-edaf-9455-926a-d65c16db1810");

    private final MemoryConnector host =
            new MemoryConnector(URI.create("mem:///t"), MemoryHostMachine.defaultProfile("t"));

    private static String domain(String name, UUID uuid, String memory) {
        return "<domain type='kvm'><name>" + name + "</name>" + (uuid == null ? "" : "<uuid>" + uuid + "</uuid>")
                + "<memory unit='KiB'>" + memory + "</memory><os><type>hvm</type></os></domain>";
    }

    private static org.assertj.core.api.AbstractThrowableAssert<?, ?> assertLibvirtError(
            Runnable action, ErrorCode code, String message) {
        return assertThatThrownBy(action::run).isInstanceOfSatisfying(LibvirtException.class, e -> {
            assertThat(e.errorCode()).contains(code);
            assertThat(e.libvirtMessage()).isEqualTo(message);
        });
    }

    @Test
    void defineListLookupAndRead() {
        DomainSummary defined = host.defineDomain(domain("web", U1, "1024"));
        assertThat(defined).isEqualTo(new DomainSummary("web", U1, -1, DomainState.SHUTOFF, true));
        assertThat(host.listDomains()).containsExactly(defined);
        assertThat(host.lookupDomain("web")).isEqualTo(defined);
        assertThat(host.lookupDomain(U1)).isEqualTo(defined);
        assertThat(host.findDomain("nope")).isEmpty();
        assertThat(host.domainXml("web", XmlFlavor.INACTIVE))
                .contains("<name>web</name>")
                .contains("1024");
    }

    @Test
    void aDefinitionWithoutUuidGetsOneAndKeepsIt() {
        DomainSummary defined = host.defineDomain(domain("anon", null, "1024"));
        assertThat(host.domainXml("anon", XmlFlavor.INACTIVE)).contains("<uuid>" + defined.uuid() + "</uuid>");
        assertThat(host.defineDomain(host.domainXml("anon", XmlFlavor.INACTIVE)).uuid())
                .isEqualTo(defined.uuid());
    }

    @Test
    void redefiningAKnownUuidUpdatesTheDefinition() {
        host.defineDomain(domain("web", U1, "1024"));
        host.defineDomain(domain("web", U1, "2048"));
        assertThat(host.listDomains()).hasSize(1);
        assertThat(host.domainXml("web", XmlFlavor.INACTIVE)).contains("2048");
    }

    @Test
    void aKnownNameWithAnotherUuidIsRefusedWithLibvirtsMessage() {
        host.defineDomain(domain("web", U1, "1024"));
        assertLibvirtError(
                () -> host.defineDomain(domain("web", U2, "1024")),
                ErrorCode.VIR_ERR_OPERATION_FAILED,
                "operation failed: domain 'web' already exists with uuid " + U1);
        assertLibvirtError(
                () -> host.defineDomain(domain("other", U1, "1024")),
                ErrorCode.VIR_ERR_OPERATION_FAILED,
                "operation failed: domain 'web' is already defined with uuid " + U1);
    }

    @Test
    void unknownNamesFailLikeLibvirt() {
        assertLibvirtError(
                () -> host.lookupDomain("ghost"),
                ErrorCode.VIR_ERR_NO_DOMAIN,
                "Domain not found: no domain with matching name 'ghost'");
        assertLibvirtError(
                () -> host.startDomain("ghost"),
                ErrorCode.VIR_ERR_NO_DOMAIN,
                "Domain not found: no domain with matching name 'ghost'");
        assertLibvirtError(
                () -> host.lookupDomain(U2),
                ErrorCode.VIR_ERR_NO_DOMAIN,
                "Domain not found: no domain with matching uuid '" + U2 + "'");
        assertLibvirtError(
                () -> host.lookupStoragePool("nopool"),
                ErrorCode.VIR_ERR_NO_STORAGE_POOL,
                "Storage pool not found: no storage pool with matching name 'nopool'");
    }

    @Test
    void startShutdownAndDestroyFollowTheStateMachine() {
        host.defineDomain(domain("web", U1, "1024"));
        host.startDomain("web");
        DomainSummary running = host.lookupDomain("web");
        assertThat(running.state()).isEqualTo(DomainState.RUNNING);
        assertThat(running.id()).isPositive();
        assertThat(host.domainXml("web", XmlFlavor.LIVE)).contains("id='" + running.id() + "'");
        assertLibvirtError(
                () -> host.startDomain("web"),
                ErrorCode.VIR_ERR_OPERATION_INVALID,
                "Requested operation is not valid: domain is already running");
        host.shutdownDomain("web");
        assertThat(host.lookupDomain("web")).isEqualTo(new DomainSummary("web", U1, -1, DomainState.SHUTOFF, true));
        assertLibvirtError(
                () -> host.destroyDomain("web"),
                ErrorCode.VIR_ERR_OPERATION_INVALID,
                "Requested operation is not valid: domain is not running");
        host.startDomain("web");
        assertThat(host.lookupDomain("web").id())
                .as("libvirt gives each start a new id")
                .isGreaterThan(running.id());
        host.destroyDomain("web");
        assertThat(host.lookupDomain("web").state()).isEqualTo(DomainState.SHUTOFF);
    }

    @Test
    void redefiningARunningDomainChangesOnlyItsPersistentDefinition() {
        host.defineDomain(domain("web", U1, "1024"));
        host.startDomain("web");
        host.defineDomain(domain("web", U1, "4096"));
        assertThat(host.domainXml("web", XmlFlavor.LIVE)).contains("1024").doesNotContain("4096");
        assertThat(host.domainXml("web", XmlFlavor.INACTIVE)).contains("4096");
        host.destroyDomain("web");
        assertThat(host.domainXml("web", XmlFlavor.LIVE)).contains("4096");
    }

    @Test
    void undefiningARunningDomainLeavesItRunningAsTransientUntilItStops() {
        host.defineDomain(domain("web", U1, "1024"));
        host.startDomain("web");
        host.undefineDomain("web");
        DomainSummary transientDomain = host.lookupDomain("web");
        assertThat(transientDomain.state()).isEqualTo(DomainState.RUNNING);
        assertThat(transientDomain.persistent()).isFalse();
        assertLibvirtError(
                () -> host.undefineDomain("web"),
                ErrorCode.VIR_ERR_OPERATION_INVALID,
                "Requested operation is not valid: cannot undefine transient domain");
        host.destroyDomain("web");
        assertThat(host.listDomains()).isEmpty();
    }

    @Test
    void undefiningAStoppedDomainRemovesIt() {
        host.defineDomain(domain("web", U1, "1024"));
        host.undefineDomain("web");
        assertThat(host.findDomain("web")).isEmpty();
    }

    @Test
    void definitionsAreCheckedAgainstTheHostProfileAndParsedSafely() {
        assertLibvirtError(
                () -> host.defineDomain("<domain type='xen'><name>x</name></domain>"),
                ErrorCode.VIR_ERR_CONFIG_UNSUPPORTED,
                "unsupported configuration: virt type 'xen' is not offered by host 't' (its capabilities offer [qemu, kvm])");
        assertLibvirtError(
                () -> host.defineDomain("<domain type='kvm'><memory>1</memory></domain>"),
                ErrorCode.VIR_ERR_NO_NAME,
                "missing name information");
        assertLibvirtError(
                () -> host.defineDomain("<pool type='dir'><name>x</name></pool>"),
                ErrorCode.VIR_ERR_XML_ERROR,
                "XML error: expecting root element of 'domain', not 'pool'");
        assertLibvirtError(
                () -> host.defineDomain("<domain type='kvm'><name>x</name><uuid>zz</uuid></domain>"),
                ErrorCode.VIR_ERR_INTERNAL_ERROR,
                "internal error: malformed uuid element");
        assertThatThrownBy(() -> host.defineDomain("<!DOCTYPE d [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
                        + "<domain type='kvm'><name>&x;</name></domain>"))
                .isInstanceOfSatisfying(
                        LibvirtException.class, e -> assertThat(e.errorCode()).contains(ErrorCode.VIR_ERR_XML_DETAIL));
        assertThat(host.listDomains()).isEmpty();
    }

    @Test
    void storagePoolsAndVolumesFollowLibvirtsRules() {
        UUID poolUuid = UUID.fromString("35bb2ad9-388a-cdfe-461a-b8907f6e53fe");
        String poolXml = "<pool type='dir'><name>images</name><uuid>" + poolUuid
                + "</uuid><target><path>/var/lib/virtxml/images</path></target></pool>";
        assertThat(host.defineStoragePool(poolXml).state()).isEqualTo(StoragePoolState.INACTIVE);
        assertLibvirtError(
                () -> host.defineStoragePool(poolXml.replace(poolUuid.toString(), U2.toString())),
                ErrorCode.VIR_ERR_OPERATION_FAILED,
                "operation failed: pool 'images' already exists with uuid " + poolUuid);
        assertLibvirtError(
                () -> host.listVolumes("images"),
                ErrorCode.VIR_ERR_OPERATION_INVALID,
                "Requested operation is not valid: storage pool 'images' is not active");
        host.buildStoragePool("images");
        host.startStoragePool("images");
        assertThat(host.lookupStoragePool("images").active()).isTrue();
        assertLibvirtError(
                () -> host.startStoragePool("images"),
                ErrorCode.VIR_ERR_OPERATION_INVALID,
                "Requested operation is not valid: storage pool 'images' is already active");
        assertLibvirtError(
                () -> host.undefineStoragePool("images"),
                ErrorCode.VIR_ERR_OPERATION_INVALID,
                "Requested operation is not valid: storage pool 'images' is still active");

        String volumeXml = "<volume><name>disk0.qcow2</name><capacity unit='G'>10</capacity></volume>";
        VolumeSummary volume = host.createVolume("images", volumeXml);
        assertThat(volume).isEqualTo(new VolumeSummary("images", "disk0.qcow2", "/var/lib/virtxml/images/disk0.qcow2"));
        assertLibvirtError(
                () -> host.createVolume("images", volumeXml),
                ErrorCode.VIR_ERR_STORAGE_VOL_EXIST,
                "storage volume 'disk0.qcow2' exists already");
        assertThat(host.listVolumes("images")).containsExactly(volume);
        assertThat(host.volumeXml("images", "disk0.qcow2")).isEqualTo(volumeXml);
        host.deleteVolume("images", "disk0.qcow2");
        assertLibvirtError(
                () -> host.volumeXml("images", "disk0.qcow2"),
                ErrorCode.VIR_ERR_NO_STORAGE_VOL,
                "Storage volume not found: no storage vol with matching name 'disk0.qcow2'");

        host.stopStoragePool("images");
        assertLibvirtError(
                () -> host.stopStoragePool("images"),
                ErrorCode.VIR_ERR_OPERATION_INVALID,
                "Requested operation is not valid: storage pool 'images' is not active");
        assertThat(host.storagePoolXml("images")).contains("<name>images</name>");
        host.undefineStoragePool("images");
        assertThat(host.listStoragePools()).isEmpty();
    }

    @Test
    void hostProfileComesFromCapabilities() {
        String caps = "<capabilities><host><cpu><arch>x86_64</arch><model>EPYC</model>"
                + "<topology sockets='2' dies='1' cores='8' threads='2'/></cpu>"
                + "<topology><cells num='2'>"
                + "<cell id='0'><memory unit='KiB'>33554432</memory><cpus num='16'/></cell>"
                + "<cell id='1'><memory unit='KiB'>33554432</memory><cpus num='16'/></cell>"
                + "</cells></topology></host>"
                + "<guest><os_type>hvm</os_type><arch name='x86_64'><domain type='qemu'/></arch></guest></capabilities>";
        MemoryHostMachine profile = MemoryHostMachine.fromCapabilities("big", caps);
        assertThat(profile.nodeInfo())
                .isEqualTo(new org.virtxml.connect.NodeInfo("EPYC", 67108864L, 32, 0, 2, 2, 8, 2));
        assertThat(profile.domainTypes()).containsExactly("qemu");
        MemoryConnector qemuOnly = new MemoryConnector(URI.create("mem:///big"), profile);
        assertThat(qemuOnly.capabilitiesXml()).isEqualTo(caps);
        assertThatThrownBy(() -> qemuOnly.defineDomain(domain("k", U1, "1")))
                .isInstanceOf(LibvirtException.class)
                .hasMessageContaining("virt type 'kvm'");
        assertThat(MemoryHostMachine.defaultProfile("d").nodeInfo().cpus()).isEqualTo(8);
    }
}
