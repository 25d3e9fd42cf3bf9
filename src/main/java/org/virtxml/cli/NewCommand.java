package org.virtxml.cli;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.random.RandomGenerator;
import org.virtxml.edit.Change;
import org.virtxml.edit.EditResult;
import org.virtxml.edit.GraphicsType;
import org.virtxml.edit.GuestFactory;
import org.virtxml.edit.GuestSpec;
import org.virtxml.edit.OsFamily;
import org.virtxml.edit.storage.Permissions;
import org.virtxml.edit.storage.PoolBuilder;
import org.virtxml.edit.storage.PoolType;
import org.virtxml.edit.storage.VolumeSpec;
import org.virtxml.edit.storage.Volumes;
import org.virtxml.io.LibvirtDocument;
import org.virtxml.lint.Diagnostic;
import org.virtxml.lint.Linter;
import org.virtxml.lint.Severity;
import org.virtxml.model.domain.Domain;
import org.virtxml.model.volume.Volume;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code virtxml new}: a KVM guest from a few choices (the default), or with {@code --pool TYPE} a
 * storage pool, or with {@code --volume} a storage volume. The document goes to standard output or
 * {@code -o FILE}; the choices made on the user's behalf go to standard error, one a line.
 */
@Command(
        name = "new",
        mixinStandardHelpOptions = true,
        description =
                "Create a KVM guest (default), a storage pool (--pool TYPE), a storage volume (--volume) or a network (--nat SUBNET, --bridge BR, --hostdev-pf DEV).")
public final class NewCommand implements Callable<Integer> {

    @Option(names = "--name", required = true, description = "Name of the guest, pool, volume or network.")
    private String name;

    @Option(
            names = "--memory",
            paramLabel = "SIZE",
            defaultValue = "2GiB",
            description =
                    "Guest memory; a number without a unit is MiB, as in virt-install (default ${DEFAULT-VALUE}).")
    private String memory;

    @Option(
            names = "--vcpus",
            paramLabel = "N",
            defaultValue = "2",
            description = "Virtual CPUs (default ${DEFAULT-VALUE}).")
    private int vcpus;

    @Option(
            names = "--disk",
            paramLabel = "PATH",
            description =
                    "Disk image (file or /dev/... block device), repeatable; default /var/lib/libvirt/images/NAME.qcow2.")
    private List<String> disks = List.of();

    @Option(
            names = "--disk-size",
            paramLabel = "SIZE",
            description = "Size of the first disk image to create (see --volume-out); a number without a unit is MiB.")
    private String diskSize;

    @Option(
            names = "--volume-out",
            paramLabel = "FILE",
            description = "With --disk-size: also write the volume definition of the disk image here.")
    private String volumeOut;

    @Option(
            names = "--network",
            paramLabel = "NAME",
            defaultValue = "default",
            description =
                    "libvirt network (NAT) of the NIC, or bridge=BR for a host bridge (default ${DEFAULT-VALUE}).")
    private String network;

    @Option(
            names = "--os",
            paramLabel = "FAMILY",
            defaultValue = "linux",
            description =
                    "OS family, which sets disk bus, NIC model, clock, machine and firmware: linux, rhel, centos, fedora, debian, ubuntu, windows, win10, win11, winserver, freebsd or other (default ${DEFAULT-VALUE}).")
    private String os;

    @Option(
            names = "--graphics",
            paramLabel = "TYPE",
            defaultValue = "vnc",
            description = "vnc, spice or none (serial console only) (default ${DEFAULT-VALUE}).")
    private String graphics;

    @Option(names = "--pxe", description = "Boot from the network (PXE) first, then the disk.")
    private boolean pxe;

    @Option(names = "--uefi", description = "UEFI firmware (always for win11).")
    private boolean uefi;

    @Option(names = "--tpm", description = "An emulated TPM 2.0 (always for win11).")
    private boolean tpm;

    @Option(
            names = "--virtio-iso",
            paramLabel = "ISO",
            description = "Windows: virtio driver ISO, attached as a cdrom; disk and NIC then use virtio.")
    private String virtioIso;

    @Option(names = "--cdrom", paramLabel = "ISO", description = "Installation medium, attached as the first cdrom.")
    private String cdrom;

    @Option(
            names = "--pool",
            paramLabel = "TYPE",
            description =
                    "Create a storage pool of this type (dir, fs, netfs, logical, disk, iscsi, iscsi-direct, scsi, mpath, rbd, sheepdog, gluster, zfs, vstorage).")
    private String poolType;

    @Option(names = "--target", paramLabel = "PATH", description = "Pool: target path.")
    private String target;

    @Option(names = "--host", paramLabel = "HOST[:PORT]", description = "Pool: source host (repeatable).")
    private List<String> hosts = List.of();

    @Option(
            names = "--device",
            paramLabel = "PATH",
            description = "Pool: source device, or the target IQN for iSCSI (repeatable).")
    private List<String> devices = List.of();

    @Option(names = "--source-dir", paramLabel = "PATH", description = "Pool: exported directory (netfs, gluster).")
    private String sourceDir;

    @Option(
            names = "--source-name",
            paramLabel = "NAME",
            description = "Pool: volume group, RBD/ZFS pool, gluster volume, vstorage cluster.")
    private String sourceName;

    @Option(names = "--initiator", paramLabel = "IQN", description = "Pool: initiator IQN (iscsi, iscsi-direct).")
    private String initiator;

    @Option(
            names = "--adapter",
            paramLabel = "NAME",
            description =
                    "Pool: SCSI host adapter (scsi_hostN), or a vHBA as fc_host:[parent=scsi_hostN,]wwnn=WWNN,wwpn=WWPN.")
    private String adapter;

    @Option(names = "--volume", description = "Create a storage volume.")
    private boolean volume;

    @Option(names = "--capacity", paramLabel = "SIZE", description = "Volume: capacity.")
    private String capacity;

    @Option(names = "--allocation", paramLabel = "SIZE", description = "Volume: allocation (0 for sparse).")
    private String allocation;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            description = "Pool: source format; volume: image format (qcow2, raw, ...).")
    private String format;

    @Option(
            names = "--permissions",
            paramLabel = "MODE[:OWNER[:GROUP]]",
            description = "Pool target or volume permissions, e.g. 0600:107:107.")
    private String permissions;

    @Option(
            names = "--nat",
            paramLabel = "SUBNET",
            description =
                    "Create a NAT network on SUBNET (e.g. 192.168.100.0/24): host as gateway, DHCP, its own virbr bridge (--bridge BR names it).")
    private String natSubnet;

    @Option(
            names = "--bridge",
            paramLabel = "BR",
            description =
                    "Create a network on the existing host bridge BR; with --nat: the NAT network's bridge name; with guest options (--os, --memory, --vcpus, --disk, --cdrom, --pxe, --uefi, --tpm, --graphics): the guest's NIC on host bridge BR.")
    private String bridge;

    @Option(
            names = "--hostdev-pf",
            paramLabel = "DEV",
            description = "Create an SR-IOV network: a pool of the virtual functions of physical function DEV.")
    private String hostdevPf;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "Write the document to FILE (atomically) instead of standard output.")
    private String output;

    @Mixin
    private DebugOption debug;

    @Spec
    private CommandSpec spec;

    private final RandomGenerator random;

    public NewCommand() {
        this(new java.security.SecureRandom());
    }

    /** For tests: UUIDs and MACs drawn from {@code random}. */
    NewCommand(RandomGenerator random) {
        this.random = random;
    }

    @Override
    public Integer call() throws IOException {
        AuthoringIo io = AuthoringIo.of(spec, System.in);
        if (poolType != null && volume) {
            io.error("give either --pool TYPE or --volume, not both");
            return AuthoringIo.USAGE;
        }
        boolean guestNicOnBridge = bridge != null && natSubnet == null && hostdevPf == null && guestOptionGiven();
        boolean network = natSubnet != null || (bridge != null && !guestNicOnBridge) || hostdevPf != null;
        if (network && (poolType != null || volume)) {
            io.error("--nat, --bridge and --hostdev-pf create a network: not together with --pool or --volume");
            return AuthoringIo.USAGE;
        }
        if (guestNicOnBridge && spec.commandLine().getParseResult().hasMatchedOption("--network")) {
            io.error("give the guest's NIC either --network or --bridge, not both");
            return AuthoringIo.USAGE;
        }
        if (network && spec.commandLine().getParseResult().hasMatchedOption("--network")) {
            io.error("--network names the network a guest's NIC joins; a new network takes its name from --name");
            return AuthoringIo.USAGE;
        }
        try {
            if (network) {
                return network(io);
            }
            if (poolType != null) {
                return emitLinted(io, LibvirtDocument.of(pool()), List.of());
            }
            if (volume) {
                return emitLinted(io, LibvirtDocument.of(volume()), List.of());
            }
            return guest(io);
        } catch (IllegalArgumentException | IllegalStateException e) {
            io.error(e.getMessage());
            return AuthoringIo.USAGE;
        }
    }

    private int network(AuthoringIo io) throws IOException {
        org.virtxml.edit.network.NetworkFactory f = new org.virtxml.edit.network.NetworkFactory(random);
        if (hostdevPf != null && (natSubnet != null || bridge != null)) {
            throw new IllegalArgumentException(
                    "--hostdev-pf makes an SR-IOV network: not together with --nat or --bridge");
        }
        org.virtxml.edit.network.NetworkFactory.Result r = hostdevPf != null
                ? f.hostdevPool(name, hostdevPf)
                : natSubnet != null ? f.nat(name, natSubnet, bridge) : f.bridge(name, bridge);
        io.report(r.changes());
        return io.emitNew(LibvirtDocument.of(r.network()), output);
    }

    /** Whether an option that only a guest takes was given (then --bridge is the guest NIC's bridge). */
    private boolean guestOptionGiven() {
        var parsed = spec.commandLine().getParseResult();
        return List.of(
                        "--os",
                        "--memory",
                        "--vcpus",
                        "--disk",
                        "--disk-size",
                        "--cdrom",
                        "--pxe",
                        "--uefi",
                        "--tpm",
                        "--graphics",
                        "--virtio-iso")
                .stream()
                .anyMatch(parsed::hasMatchedOption);
    }

    /**
     * Writes {@code document} when what it says passes virtxml's own lint (no error, no warning),
     * then reports {@code choices}; otherwise writes nothing, prints each finding and ends with
     * USAGE: the options asked for something libvirt or the guide would refuse.
     */
    private int emitLinted(AuthoringIo io, LibvirtDocument<?> document, List<Change> choices) throws IOException {
        List<Diagnostic> findings = Linter.defaults().lintDocuments(document).atOrAbove(Severity.WARNING);
        if (!findings.isEmpty()) {
            for (Diagnostic d : findings) {
                io.error(d.severity().name().toLowerCase(Locale.ROOT) + " [" + d.rule() + "] " + d.message());
            }
            io.error("nothing written: the options give a document that fails virtxml's own lint");
            return AuthoringIo.USAGE;
        }
        int status = io.emitNew(document, output);
        io.report(choices);
        return status;
    }

    private int guest(AuthoringIo io) throws IOException {
        OsFamily family = OsFamily.named(os)
                .orElseThrow(() ->
                        new IllegalArgumentException("--os must be one of " + OsFamily.names() + ", not '" + os + "'"));
        GraphicsType g = switch (graphics.toLowerCase(Locale.ROOT)) {
            case "vnc" -> GraphicsType.VNC;
            case "spice" -> GraphicsType.SPICE;
            case "none" -> GraphicsType.NONE;
            default ->
                throw new IllegalArgumentException("--graphics must be vnc, spice or none, not '" + graphics + "'");
        };
        if (virtioIso != null && !family.isWindows()) {
            throw new IllegalArgumentException("--virtio-iso is for Windows guests (" + family.cliName()
                    + (family.hasInboxVirtio() ? " has virtio drivers inbox)" : " gets no virtio)"));
        }
        if (volumeOut != null && diskSize == null) {
            throw new IllegalArgumentException("--volume-out needs --disk-size");
        }
        GuestSpec gs = GuestSpec.of(name)
                .withMemory(AuthoringIo.sizeMib(memory))
                .withVcpus(vcpus)
                .withDisks(disks)
                .withDiskSize(diskSize == null ? null : AuthoringIo.sizeMib(diskSize))
                .withOs(family)
                .withGraphics(g)
                .withVirtioDriverIso(virtioIso)
                .withInstallMedia(cdrom)
                .withPxe(pxe)
                .withUefi(uefi)
                .withTpm(tpm);
        gs = bridge != null
                ? gs.withBridge(bridge)
                : network.startsWith("bridge=")
                        ? gs.withBridge(network.substring("bridge=".length()))
                        : gs.withNetwork(network);
        EditResult<Domain> result = GuestFactory.withRandom(random).create(gs);
        Optional<Volume> vol = GuestFactory.volumeFor(gs);
        int status = emitLinted(io, LibvirtDocument.of(result.root()), result.changes());
        if (status != AuthoringIo.OK) {
            return status;
        }
        if (vol.isPresent()) {
            if (volumeOut != null) {
                LibvirtDocument.of(vol.get()).writeTo(java.nio.file.Path.of(volumeOut));
                io.report(List.of(new org.virtxml.edit.Change("/volume", "disk image volume written to " + volumeOut)));
            } else {
                io.report(List.of(new org.virtxml.edit.Change(
                        "/domain/devices/disk[1]/source",
                        "create the image first: qemu-img create -f "
                                + vol.get().getTarget().getFormat().getType() + " "
                                + gs.effectiveDiskPath() + " "
                                + vol.get()
                                        .getCapacity()
                                        .size()
                                        .bytes(org.virtxml.model.Unit.BYTES)
                                        .getAsLong()
                                + " (or use --volume-out FILE for a volume definition)")));
            }
        }
        return status;
    }

    private org.virtxml.model.pool.Pool pool() {
        PoolType type = PoolType.of(poolType)
                .orElseThrow(() -> new IllegalArgumentException("unknown pool type '" + poolType + "'"));
        PoolBuilder b = PoolBuilder.of(type, name)
                .targetPath(target)
                .sourceDir(sourceDir)
                .sourceName(sourceName)
                .format(format)
                .initiatorIqn(initiator);
        if (adapter != null && adapter.startsWith("fc_host:")) {
            b.fcHostAdapter(org.virtxml.edit.storage.FcHostAdapter.parse(adapter.substring("fc_host:".length())));
        } else {
            b.adapterName(adapter);
        }
        for (String h : hosts) {
            int colon = h.lastIndexOf(':');
            if (colon > 0) {
                try {
                    b.host(h.substring(0, colon), Integer.valueOf(h.substring(colon + 1)));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--host " + h + ": the port must be a number");
                }
            } else {
                b.host(h);
            }
        }
        devices.forEach(b::device);
        if (permissions != null) {
            b.permissions(Permissions.parse(permissions));
        }
        return b.build();
    }

    private Volume volume() {
        if (capacity == null) {
            throw new IllegalArgumentException("a volume needs --capacity SIZE");
        }
        VolumeSpec vs = VolumeSpec.of(name, AuthoringIo.size(capacity)).withFormat(format);
        if (allocation != null) {
            vs = vs.withAllocation(AuthoringIo.size(allocation));
        }
        if (permissions != null) {
            vs = vs.withPermissions(Permissions.parse(permissions));
        }
        return Volumes.build(vs);
    }
}
