package org.virtxml.connect.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.virtxml.connect.Connector;
import org.virtxml.connect.Connectors;
import org.virtxml.connect.DomainSummary;
import org.virtxml.connect.LibvirtException;
import org.virtxml.connect.XmlFlavor;
import org.virtxml.connect.mem.MemoryConnector;
import org.virtxml.connect.mem.MemoryHostMachine;

/**
 * Runs one scenario of domain, pool and volume operations, good and bad, on {@code qemu:///system}
 * and on the in-memory host, and requires the same outcomes: same states, same libvirt error codes
 * and messages. This is what keeps the in-memory host honest about "libvirt's rules".
 */
@Timeout(180)
class MemoryHostParityIntegrationTest {
    private static final Path IMAGES = Path.of("/var/lib/libvirt/images");

    @Test
    void inMemoryHostBehavesLikeLibvirtsQemuAndStorageDrivers() throws Exception {
        LibvirtDaemon.require();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Path parent = Files.isDirectory(IMAGES) && Files.isWritable(IMAGES)
                ? IMAGES
                : Path.of(System.getProperty("java.io.tmpdir"));
        Path directory = Files.createTempDirectory(parent, "virtxml-parity-");
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.write(directory.resolve("boot.img"), BootSector.printing("VIRTXML-PARITY"));
        try (Connector real = Connectors.open("qemu:///system")) {
            MemoryConnector memory = new MemoryConnector(
                    java.net.URI.create("mem:///parity"),
                    MemoryHostMachine.fromCapabilities("parity", real.capabilitiesXml()));
            List<UUID> uuids = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
            List<String> onLibvirt = scenario(real, suffix, uuids, directory);
            List<String> inMemory = scenario(memory, suffix, uuids, directory);
            assertThat(inMemory).isEqualTo(onLibvirt);
            System.out.println("virtxml: in-memory host matched qemu:///system on " + onLibvirt.size() + " steps");
        } finally {
            try (var paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    private static List<String> scenario(Connector host, String suffix, List<UUID> uuids, Path directory) {
        List<String> log = new ArrayList<>();
        String name = "virtxml-parity-" + suffix;
        UUID uuid = uuids.get(0);
        UUID other = uuids.get(1);
        UUID third = uuids.get(2);
        String pool = "virtxml-parity-pool-" + suffix;
        UUID poolUuid = uuids.get(3);
        String poolXml = "<pool type='dir'><name>" + pool + "</name><uuid>" + poolUuid + "</uuid><target><path>"
                + directory.resolve("pool") + "</path></target></pool>";
        try {
            step(log, "define", () -> describe(host.defineDomain(domain(name, uuid, 32, directory))));
            step(
                    log,
                    "define same name, other uuid",
                    () -> describe(host.defineDomain(domain(name, third, 32, directory))));
            step(
                    log,
                    "define same uuid, other name",
                    () -> describe(host.defineDomain(domain(name + "-x", uuid, 32, directory))));
            step(log, "lookup unknown name", () -> describe(host.lookupDomain("virtxml-ghost-" + suffix)));
            step(log, "lookup unknown uuid", () -> describe(host.lookupDomain(other)));
            step(log, "shutdown shut-off", () -> run(() -> host.shutdownDomain(name)));
            step(log, "destroy shut-off", () -> run(() -> host.destroyDomain(name)));
            step(log, "start", () -> run(() -> host.startDomain(name)));
            step(log, "state", () -> describe(host.lookupDomain(name)));
            step(log, "start running", () -> run(() -> host.startDomain(name)));
            step(log, "redefine running", () -> describe(host.defineDomain(domain(name, uuid, 48, directory))));
            step(
                    log,
                    "inactive xml has new memory",
                    () -> String.valueOf(
                            host.domainXml(name, XmlFlavor.INACTIVE).contains(">49152<")));
            step(
                    log,
                    "live xml keeps old memory",
                    () -> String.valueOf(host.domainXml(name, XmlFlavor.LIVE).contains(">32768<")));
            step(log, "undefine running", () -> run(() -> host.undefineDomain(name)));
            step(log, "state after undefine", () -> describe(host.lookupDomain(name)));
            step(log, "undefine transient", () -> run(() -> host.undefineDomain(name)));
            step(log, "destroy transient", () -> run(() -> host.destroyDomain(name)));
            step(log, "lookup destroyed transient", () -> describe(host.lookupDomain(name)));

            step(
                    log,
                    "lookup unknown pool",
                    () -> host.lookupStoragePool("virtxml-ghost-" + suffix).toString());
            step(
                    log,
                    "define pool",
                    () -> host.defineStoragePool(poolXml).state().toString());
            step(
                    log,
                    "define pool same name, other uuid",
                    () -> host.defineStoragePool(poolXml.replace(poolUuid.toString(), other.toString()))
                            .toString());
            step(log, "stop inactive pool", () -> run(() -> host.stopStoragePool(pool)));
            step(
                    log,
                    "list volumes of inactive pool",
                    () -> host.listVolumes(pool).toString());
            step(log, "build pool", () -> run(() -> host.buildStoragePool(pool)));
            step(log, "start pool", () -> run(() -> host.startStoragePool(pool)));
            step(log, "start active pool", () -> run(() -> host.startStoragePool(pool)));
            step(log, "undefine active pool", () -> run(() -> host.undefineStoragePool(pool)));
            String volume = "<volume><name>v1.img</name><capacity unit='KiB'>64</capacity></volume>";
            step(log, "create volume", () -> host.createVolume(pool, volume).toString());
            step(
                    log,
                    "create volume again",
                    () -> host.createVolume(pool, volume).toString());
            step(log, "list volumes", () -> host.listVolumes(pool).toString());
            step(log, "read unknown volume", () -> host.volumeXml(pool, "ghost.img"));
            step(log, "delete volume", () -> run(() -> host.deleteVolume(pool, "v1.img")));
            step(log, "stop pool", () -> run(() -> host.stopStoragePool(pool)));
            step(log, "undefine pool", () -> run(() -> host.undefineStoragePool(pool)));
        } finally {
            cleanUp(host, name, pool);
        }
        return log;
    }

    private static String domain(String name, UUID uuid, int memoryMiB, Path directory) {
        return "<domain type='qemu'><name>" + name + "</name><uuid>" + uuid + "</uuid>"
                + "<memory unit='KiB'>" + memoryMiB * 1024 + "</memory><vcpu>1</vcpu>"
                + "<os><type arch='x86_64' machine='pc'>hvm</type><boot dev='hd'/></os><devices>"
                + "<disk type='file' device='disk'><driver name='qemu' type='raw'/><source file='"
                + directory.resolve("boot.img") + "'/><target dev='hda' bus='ide'/></disk></devices></domain>";
    }

    private static String describe(DomainSummary domain) {
        return domain.name() + " " + domain.uuid() + " " + domain.state()
                + (domain.persistent() ? " persistent" : " transient");
    }

    private static String run(Runnable action) {
        action.run();
        return "ok";
    }

    private static void step(List<String> log, String label, Supplier<String> action) {
        String outcome;
        try {
            outcome = action.get();
        } catch (LibvirtException e) {
            outcome = e.errorCode().map(Enum::name).orElse("code " + e.code()) + ": " + e.libvirtMessage();
        }
        log.add(label + " -> " + outcome);
    }

    private static void cleanUp(Connector host, String name, String pool) {
        try {
            host.findDomain(name).ifPresent(d -> {
                if (d.state().isActive()) {
                    host.destroyDomain(name);
                }
                if (host.findDomain(name).isPresent()) {
                    host.undefineDomain(name);
                }
            });
        } catch (LibvirtException ignored) {
            // best effort
        }
        try {
            if (host.lookupStoragePool(pool).active()) {
                host.stopStoragePool(pool);
            }
            host.undefineStoragePool(pool);
        } catch (LibvirtException ignored) {
            // absent: nothing to clean
        }
    }
}
