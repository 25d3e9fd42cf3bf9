package org.virtxml.connect.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.virtxml.connect.Connector;
import org.virtxml.connect.Connectors;
import org.virtxml.connect.DomainState;
import org.virtxml.connect.DomainStates;
import org.virtxml.connect.DomainSummary;
import org.virtxml.connect.EventSubscription;
import org.virtxml.connect.LifecycleEvent;

/** Lifecycle events from the real daemon: its test driver, and a TCG guest on qemu:///system (-Dvirtxml.libvirt=true). */
@Timeout(180)
class DomainEventsIntegrationTest {
    private static final Path IMAGES = Path.of("/var/lib/libvirt/images");

    private static List<LifecycleEvent.Type> typesOf(BlockingQueue<LifecycleEvent> events, String name, int count)
            throws InterruptedException {
        List<LifecycleEvent.Type> types = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (types.size() < count && System.nanoTime() < deadline) {
            LifecycleEvent event = events.poll(1, TimeUnit.SECONDS);
            if (event != null && event.domain().equals(name)) {
                types.add(event.type());
            }
        }
        return types;
    }

    @Test
    void theTestDriverReportsDefineStartStopUndefine() throws Exception {
        LibvirtDaemon.require();
        String name = "virtxml-events-" + UUID.randomUUID().toString().substring(0, 8);
        BlockingQueue<LifecycleEvent> events = new LinkedBlockingQueue<>();
        try (Connector connector = Connectors.open("test:///default")) {
            EventSubscription subscription = connector.onLifecycle(events::add);
            try {
                connector.defineDomain("<domain type='test'><name>" + name + "</name><memory unit='MiB'>64</memory>"
                        + "<vcpu>1</vcpu><os><type arch='i686'>hvm</type></os></domain>");
                connector.startDomain(name);
                connector.destroyDomain(name);
                connector.undefineDomain(name);
                assertThat(typesOf(events, name, 4))
                        .containsExactly(
                                LifecycleEvent.Type.DEFINED,
                                LifecycleEvent.Type.STARTED,
                                LifecycleEvent.Type.STOPPED,
                                LifecycleEvent.Type.UNDEFINED);
            } finally {
                subscription.close();
            }
        }
    }

    @Test
    void awaitRunningWakesWhenATcgGuestIsStartedElsewhere() throws Exception {
        LibvirtDaemon.require();
        Path parent = Files.isDirectory(IMAGES) && Files.isWritable(IMAGES)
                ? IMAGES
                : Path.of(System.getProperty("java.io.tmpdir"));
        Path directory = Files.createTempDirectory(parent, "virtxml-events-");
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path image = Files.write(directory.resolve("boot.img"), BootSector.printing("VIRTXML-EVENTS"));
        String name = "virtxml-events-tcg-" + UUID.randomUUID().toString().substring(0, 8);
        try (Connector waiter = Connectors.open("qemu:///system");
                Connector starter = Connectors.open("qemu:///system")) {
            starter.defineDomain("<domain type='qemu'><name>" + name
                    + "</name><memory unit='MiB'>32</memory><vcpu>1</vcpu>"
                    + "<os><type arch='x86_64' machine='pc'>hvm</type><boot dev='hd'/></os><devices>"
                    + "<disk type='file' device='disk'><driver name='qemu' type='raw'/><source file='" + image + "'/>"
                    + "<target dev='hda' bus='ide'/></disk></devices></domain>");
            try {
                BlockingQueue<LifecycleEvent> events = new LinkedBlockingQueue<>();
                EventSubscription subscription = waiter.onLifecycle(events::add);
                try {
                    CompletableFuture<DomainSummary> waited = CompletableFuture.supplyAsync(
                            () -> DomainStates.awaitRunning(waiter, name, Duration.ofSeconds(90)));
                    Thread.sleep(500); // the waiter sees the guest shut off first
                    assertThat(waited).isNotDone();
                    starter.startDomain(name);
                    assertThat(waited.get(90, TimeUnit.SECONDS).state()).isEqualTo(DomainState.RUNNING);
                    // QEMU's start reports the CPUs resuming, then the guest started
                    assertThat(typesOf(events, name, 2)).contains(LifecycleEvent.Type.STARTED);
                } finally {
                    subscription.close();
                }
            } finally {
                if (starter.lookupDomain(name).state().isActive()) {
                    starter.destroyDomain(name);
                }
                starter.undefineDomain(name);
                deleteTree(directory);
            }
        }
    }

    private static void deleteTree(Path directory) throws IOException {
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        }
        Files.deleteIfExists(directory);
    }
}
