package org.virtxml.connect.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.virtxml.connect.Connector;
import org.virtxml.connect.Connectors;
import org.virtxml.connect.DomainState;
import org.virtxml.connect.DomainSummary;
import org.virtxml.connect.ErrorCode;
import org.virtxml.connect.LibvirtException;
import org.virtxml.connect.StoragePoolState;
import org.virtxml.connect.VolumeSummary;
import org.virtxml.connect.XmlFlavor;
import org.virtxml.connect.rpc.RpcConnection;

/** Against the real daemon's test driver ({@code test:///default}); needs -Dvirtxml.libvirt=true. */
@Timeout(120)
class TestDriverIntegrationTest {
    private Connector connector;
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void connect() {
        LibvirtDaemon.require();
        connector = Connectors.open("test:///default");
    }

    @AfterEach
    void closeLeavesNoThread() {
        if (connector != null) {
            connector.close();
            assertThat(Thread.getAllStackTraces().keySet().stream()
                            .filter(Thread::isAlive)
                            .map(Thread::getName)
                            .filter(n -> n.startsWith(RpcConnection.THREAD_PREFIX)))
                    .isEmpty();
        }
    }

    private static String testDomain(String name, UUID uuid) {
        return "<domain type='test'><name>" + name + "</name><uuid>" + uuid + "</uuid>"
                + "<memory unit='MiB'>64</memory><vcpu>1</vcpu><os><type arch='i686'>hvm</type></os></domain>";
    }

    @Test
    void hostProfile() {
        assertThat(connector.capabilitiesXml()).startsWith("<capabilities>").contains("<domain type='test'");
        assertThat(connector.nodeInfo().cpus()).isPositive();
        assertThat(connector.nodeInfo().memoryKiB()).isPositive();
        assertThat(connector.hostname()).isNotBlank();
    }

    @Test
    void defineListReadStartUndefineDomains() {
        String name = "virtxml-" + suffix;
        UUID uuid = UUID.randomUUID();
        DomainSummary defined = connector.defineDomain(testDomain(name, uuid));
        assertThat(defined).isEqualTo(new DomainSummary(name, uuid, -1, DomainState.SHUTOFF, true));
        assertThat(connector.listDomains()).contains(defined);
        assertThat(connector.lookupDomain(name)).isEqualTo(defined);
        assertThat(connector.lookupDomain(uuid)).isEqualTo(defined);
        assertThat(connector.domainXml(name, XmlFlavor.INACTIVE))
                .contains("<name>" + name + "</name>")
                .contains("<uuid>" + uuid + "</uuid>");

        connector.startDomain(name);
        DomainSummary running = connector.lookupDomain(name);
        assertThat(running.state()).isEqualTo(DomainState.RUNNING);
        assertThat(running.id()).isPositive();
        assertThat(connector.domainXml(name, XmlFlavor.LIVE)).contains("id='" + running.id() + "'");

        connector.undefineDomain(name); // libvirt: a running domain stays, as a transient one
        DomainSummary transientDomain = connector.lookupDomain(name);
        assertThat(transientDomain.state()).isEqualTo(DomainState.RUNNING);
        assertThat(transientDomain.persistent()).isFalse();
        connector.destroyDomain(name);
        assertThat(connector.findDomain(name)).isEmpty();
    }

    @Test
    void duplicateAndUnknownNamesCarryLibvirtsMessage() {
        String name = "virtxml-dup-" + suffix;
        UUID uuid = UUID.randomUUID();
        connector.defineDomain(testDomain(name, uuid));
        try {
            assertThatThrownBy(() -> connector.defineDomain(testDomain(name, UUID.randomUUID())))
                    .isInstanceOfSatisfying(LibvirtException.class, e -> {
                        assertThat(e.errorCode()).contains(ErrorCode.VIR_ERR_OPERATION_FAILED);
                        assertThat(e.libvirtMessage())
                                .isEqualTo("operation failed: domain '" + name + "' already exists with uuid " + uuid);
                    });
            assertThatThrownBy(() -> connector.lookupDomain("virtxml-no-such-" + suffix))
                    .isInstanceOfSatisfying(LibvirtException.class, e -> {
                        assertThat(e.errorCode()).contains(ErrorCode.VIR_ERR_NO_DOMAIN);
                        assertThat(e.libvirtMessage()).startsWith("Domain not found");
                    });
            assertThatThrownBy(() -> connector.lookupStoragePool("virtxml-no-such-" + suffix))
                    .isInstanceOfSatisfying(
                            LibvirtException.class,
                            e -> assertThat(e.libvirtMessage())
                                    .isEqualTo(
                                            "Storage pool not found: no storage pool with matching name 'virtxml-no-such-"
                                                    + suffix + "'"));
        } finally {
            connector.undefineDomain(name);
        }
    }

    @Test
    void poolsAndVolumes() {
        String pool = "virtxml-pool-" + suffix;
        UUID uuid = UUID.randomUUID();
        assertThat(connector
                        .defineStoragePool("<pool type='dir'><name>" + pool + "</name><uuid>" + uuid + "</uuid>"
                                + "<target><path>/var/lib/virtxml-test/" + pool + "</path></target></pool>")
                        .state())
                .isEqualTo(StoragePoolState.INACTIVE);
        connector.buildStoragePool(pool);
        connector.startStoragePool(pool);
        assertThat(connector.listStoragePools()).anySatisfy(p -> {
            assertThat(p.name()).isEqualTo(pool);
            assertThat(p.uuid()).isEqualTo(uuid);
            assertThat(p.state()).isEqualTo(StoragePoolState.RUNNING);
        });
        assertThat(connector.storagePoolXml(pool)).contains("<name>" + pool + "</name>");

        VolumeSummary volume = connector.createVolume(
                pool, "<volume><name>disk0.img</name><capacity unit='MiB'>16</capacity></volume>");
        assertThat(volume)
                .isEqualTo(new VolumeSummary(pool, "disk0.img", "/var/lib/virtxml-test/" + pool + "/disk0.img"));
        assertThat(connector.listVolumes(pool)).containsExactly(volume);
        assertThat(connector.volumeXml(pool, "disk0.img"))
                .contains("<name>disk0.img</name>")
                .contains("<capacity unit='bytes'>16777216</capacity>");
        assertThatThrownBy(() -> connector.createVolume(
                        pool, "<volume><name>disk0.img</name><capacity unit='MiB'>16</capacity></volume>"))
                .isInstanceOf(LibvirtException.class)
                .hasMessageContaining("already exists");
        connector.deleteVolume(pool, "disk0.img");
        assertThatThrownBy(() -> connector.volumeXml(pool, "disk0.img"))
                .isInstanceOfSatisfying(LibvirtException.class, e -> {
                    assertThat(e.errorCode()).contains(ErrorCode.VIR_ERR_NO_STORAGE_VOL);
                    assertThat(e.libvirtMessage())
                            .isEqualTo("Storage volume not found: no storage vol with matching name 'disk0.img'");
                });

        connector.stopStoragePool(pool);
        connector.undefineStoragePool(pool);
        assertThat(connector.listStoragePools()).noneMatch(p -> p.name().equals(pool));
    }

    @Test
    void manyThreadsShareOneConnection() throws Exception {
        String name = "virtxml-mt-" + suffix;
        UUID uuid = UUID.randomUUID();
        connector.defineDomain(testDomain(name, uuid));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    int matched = 0;
                    for (int i = 0; i < 25; i++) {
                        if (connector.lookupDomain(name).uuid().equals(uuid)
                                && connector.lookupDomain(uuid).name().equals(name)) {
                            matched++;
                        }
                    }
                    return matched;
                }));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS)).isEqualTo(25);
            }
        } finally {
            pool.shutdownNow();
            connector.undefineDomain(name);
        }
    }

    @Test
    void keepaliveKeepsAnIdleConnectionOpen() throws Exception {
        RemoteConnector remote = (RemoteConnector) connector;
        // libvirtd pings an idle client every keepalive_interval (5 s by default) once it asked for keepalive.
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (remote.rpc().pingsAnswered() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertThat(remote.rpc().pingsAnswered()).as("keepalive PINGs answered").isPositive();
        assertThat(connector.hostname()).isNotBlank();
    }
}
