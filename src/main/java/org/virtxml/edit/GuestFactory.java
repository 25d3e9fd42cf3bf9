package org.virtxml.edit;

import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.virtxml.edit.storage.VolumeSpec;
import org.virtxml.edit.storage.Volumes;
import org.virtxml.model.DataSize;
import org.virtxml.model.IntegerText;
import org.virtxml.model.Leaf;
import org.virtxml.model.MacAddress;
import org.virtxml.model.Unit;
import org.virtxml.model.Uuid;
import org.virtxml.model.UuidLeaf;
import org.virtxml.model.domain.Apic;
import org.virtxml.model.domain.Clock;
import org.virtxml.model.domain.Console;
import org.virtxml.model.domain.Cpu;
import org.virtxml.model.domain.CurrentMemory;
import org.virtxml.model.domain.Devices;
import org.virtxml.model.domain.DevicesInput;
import org.virtxml.model.domain.Disk;
import org.virtxml.model.domain.DiskBuses;
import org.virtxml.model.domain.DiskDevices;
import org.virtxml.model.domain.DiskDriver;
import org.virtxml.model.domain.DiskSource;
import org.virtxml.model.domain.DiskSourceVariant;
import org.virtxml.model.domain.DiskTarget;
import org.virtxml.model.domain.Domain;
import org.virtxml.model.domain.DomainFeatures;
import org.virtxml.model.domain.DomainMemory;
import org.virtxml.model.domain.DomainVcpu;
import org.virtxml.model.domain.Graphics;
import org.virtxml.model.domain.Hyperv;
import org.virtxml.model.domain.Listen;
import org.virtxml.model.domain.Memballoon;
import org.virtxml.model.domain.Os;
import org.virtxml.model.domain.OsBoot;
import org.virtxml.model.domain.OsType;
import org.virtxml.model.domain.Relaxed;
import org.virtxml.model.domain.Rng;
import org.virtxml.model.domain.RngBackend;
import org.virtxml.model.domain.Serial;
import org.virtxml.model.domain.Spinlocks;
import org.virtxml.model.domain.Target;
import org.virtxml.model.domain.Timer;
import org.virtxml.model.domain.Tpm;
import org.virtxml.model.domain.TpmBackend;
import org.virtxml.model.domain.Vapic;
import org.virtxml.model.domain.Video;
import org.virtxml.model.domain.VideoModel;
import org.virtxml.model.volume.Volume;

/**
 * Creates a KVM guest from a {@link GuestSpec} with sound defaults: host-passthrough CPU, the
 * machine, buses and NIC model of the {@link OsFamily} (virtio where the OS has drivers), one disk
 * per image, the NIC on a NAT network or a host bridge, serial console, VNC, SPICE or no display,
 * a fresh random version-4 UUID and a {@code 52:54:00} MAC; optionally PXE first, UEFI and a TPM
 * 2.0 (always for Windows 11). The clock follows the OS family: Linux runs on UTC with kvmclock;
 * Windows keeps its clock in localtime with rtc catchup, pit delay, hpet off, hypervclock and the
 * Hyper-V enlightenments (relaxed, vapic, spinlocks); the others on UTC. Windows has no inbox
 * virtio drivers: without a driver ISO its disk is SATA and its NIC e1000e; with one, the ISO
 * becomes a (further) cdrom and disk and NIC use virtio.
 */
public final class GuestFactory {
    private final RandomGenerator random;

    private GuestFactory(RandomGenerator random) {
        this.random = java.util.Objects.requireNonNull(random, "random");
    }

    /** A factory drawing UUIDs and MACs from a strong random source. */
    public static GuestFactory withSecureRandom() {
        return new GuestFactory(new java.security.SecureRandom());
    }

    /** A factory drawing UUIDs and MACs from {@code random} (a seeded one gives repeatable output). */
    public static GuestFactory withRandom(RandomGenerator random) {
        return new GuestFactory(random);
    }

    /** The new domain, and the choices made on the caller's behalf as changes. */
    public EditResult<Domain> create(GuestSpec spec) {
        Changes changes = new Changes();
        Domain d = new Domain();
        d.setType("kvm");
        d.setName(Leaf.of(spec.name()));
        Uuid uuid = Uuid.randomV4(random);
        d.setUuid(UuidLeaf.of(uuid));
        changes.add("/domain/uuid", "generated " + uuid.text());

        long kib = spec.memory().kibibytes(Unit.KIB).orElseThrow();
        DomainMemory memory = new DomainMemory();
        memory.setSize(DataSize.of(kib, Unit.KIB));
        d.setMemory(memory);
        CurrentMemory current = new CurrentMemory();
        current.setSize(DataSize.of(kib, Unit.KIB));
        d.setCurrentMemory(current);
        DomainVcpu vcpu = new DomainVcpu();
        vcpu.setPlacement("static");
        vcpu.setValue(spec.vcpus());
        d.setVcpu(vcpu);

        d.setOs(os(spec));
        if (!spec.os().machine().equals("q35")) {
            changes.add(
                    "/domain/os/type/@machine",
                    spec.os().machine() + " (i440fx) for " + spec.os().cliName()
                            + ": IDE disks need it, q35 has no IDE");
        }
        if (spec.effectiveUefi()) {
            changes.add(
                    "/domain/os/@firmware",
                    "efi (UEFI)" + (spec.uefi() ? "" : ": " + spec.os().cliName() + " needs it"));
        }
        if (spec.pxe()) {
            changes.add("/domain/os/boot[1]", "network (PXE) first, then the disk");
        }
        d.setFeatures(features(spec, changes));
        Cpu cpu = new Cpu();
        cpu.setMode("host-passthrough");
        cpu.setCheck("none");
        d.setCpu(cpu);
        d.setClock(clock(spec, changes));
        d.setOnPoweroff(Leaf.of("destroy"));
        d.setOnReboot(Leaf.of("restart"));
        d.setOnCrash(Leaf.of("destroy"));
        d.setDevices(devices(spec, changes));
        return new EditResult<>(d, changes.list());
    }

    /**
     * The qcow2 (or raw, by the file extension) volume to create for the guest's disk when the spec
     * gives a size; empty when the image is expected to exist or is a block device.
     */
    public static Optional<Volume> volumeFor(GuestSpec spec) {
        String path = spec.effectiveDiskPath();
        if (spec.diskSize() == null || isBlockDevice(path)) {
            return Optional.empty();
        }
        String file = path.substring(path.lastIndexOf('/') + 1);
        long bytes = spec.diskSize().bytes(Unit.BYTES).orElseThrow();
        return Optional.of(
                Volumes.build(VolumeSpec.of(file, DataSize.ofBytes(bytes)).withFormat(imageFormat(path))));
    }

    private static Os os(GuestSpec spec) {
        Os os = new Os();
        OsType type = new OsType();
        type.setArch("x86_64");
        type.setMachine(spec.os().machine());
        type.setText("hvm");
        os.setType(type);
        if (spec.effectiveUefi()) {
            os.setFirmwareAttribute("efi");
        }
        if (spec.pxe()) {
            os.getBoot().add(boot("network"));
        }
        os.getBoot().add(boot("hd"));
        if (spec.installMedia() != null) {
            os.getBoot().add(boot("cdrom"));
        }
        return os;
    }

    private static OsBoot boot(String dev) {
        OsBoot b = new OsBoot();
        b.setDev(dev);
        return b;
    }

    private static DomainFeatures features(GuestSpec spec, Changes changes) {
        DomainFeatures f = new DomainFeatures();
        f.setAcpi(new Leaf());
        f.setApic(new Apic());
        if (spec.os().isWindows()) {
            Hyperv h = new Hyperv();
            Relaxed relaxed = new Relaxed();
            relaxed.setState("on");
            h.setRelaxed(relaxed);
            Vapic vapic = new Vapic();
            vapic.setState("on");
            h.setVapic(vapic);
            Spinlocks spin = new Spinlocks();
            spin.setState("on");
            spin.setRetries(IntegerText.of(8191));
            h.setSpinlocks(spin);
            f.setHyperv(h);
            changes.add("/domain/features/hyperv", "Hyper-V enlightenments relaxed, vapic, spinlocks for Windows");
        }
        return f;
    }

    private static Clock clock(GuestSpec spec, Changes changes) {
        Clock c = new Clock();
        if (spec.os().isLinux()) {
            c.setOffset("utc");
            c.getTimer().add(timer("kvmclock", null, "yes"));
            changes.add("/domain/clock", "utc with kvmclock for Linux");
        } else if (!spec.os().isWindows()) {
            c.setOffset("utc");
            changes.add("/domain/clock", "utc for " + spec.os().cliName());
        } else {
            c.setOffset("localtime");
            c.getTimer().add(timer("rtc", "catchup", null));
            c.getTimer().add(timer("pit", "delay", null));
            c.getTimer().add(timer("hpet", null, "no"));
            c.getTimer().add(timer("hypervclock", null, "yes"));
            changes.add("/domain/clock", "localtime, rtc catchup, pit delay, hpet off, hypervclock for Windows");
        }
        return c;
    }

    private static Timer timer(String name, String tickpolicy, String present) {
        Timer t = new Timer();
        t.setName(name);
        t.setTickpolicy(tickpolicy);
        t.setPresent(present);
        return t;
    }

    private Devices devices(GuestSpec spec, Changes changes) {
        Devices dev = new Devices();
        boolean virtio = spec.usesVirtio();
        String bus = virtio ? DiskBuses.VIRTIO : spec.os().fallbackDiskBus();
        String prefix = virtio ? "vd" : bus.equals("ide") ? "hd" : "sd";
        int next = 0;
        for (String path : spec.effectiveDisks()) {
            String target = prefix + VirtioConversion.suffix(next++);
            dev.getDisk().add(systemDisk(path, target, bus));
            String why = virtio
                    ? ""
                    : spec.os().isWindows()
                            ? ": Windows has no inbox virtio drivers" + " (give a virtio driver ISO to use virtio)"
                            : ": " + spec.os().cliName() + " gets no virtio";
            changes.add("/domain/devices/disk[" + next + "]/target", target + " on " + bus + why);
        }
        // cdroms: on the disks' bus when it has removable media (sata, ide), else sata; ide for a pc machine
        String cdromBus = spec.os().machine().equals("pc") ? "ide" : "sata";
        String cdromPrefix = cdromBus.equals("ide") ? "hd" : "sd";
        int cdromNext = cdromBus.equals(bus) ? next : 0;
        if (spec.installMedia() != null) {
            dev.getDisk().add(cdrom(spec.installMedia(), cdromPrefix + VirtioConversion.suffix(cdromNext++), cdromBus));
        }
        if (spec.os().isWindows() && spec.virtioDriverIso() != null) {
            dev.getDisk()
                    .add(cdrom(spec.virtioDriverIso(), cdromPrefix + VirtioConversion.suffix(cdromNext++), cdromBus));
            changes.add("/domain/devices/disk[" + dev.getDisk().size() + "]", "virtio driver ISO attached as a cdrom");
        }

        MacAddress mac = MacAddress.randomKvm(random);
        String nicModel = virtio ? "virtio" : spec.os().fallbackNicModel();
        dev.getInterface().add(Interfaces.build(spec.nic(), mac, nicModel));
        String where = spec.nic() instanceof InterfaceSpec.Bridge b
                ? "host bridge '" + b.bridge() + "'"
                : "NAT on network '" + ((InterfaceSpec.Network) spec.nic()).network() + "'";
        changes.add("/domain/devices/interface[1]", where + ", MAC " + mac.text() + ", model " + nicModel);

        Serial serial = new Serial();
        serial.setType("pty");
        Target st = new Target();
        st.setPort("0");
        serial.setTarget(st);
        dev.getSerial().add(serial);
        Console console = new Console();
        console.setType("pty");
        Target ct = new Target();
        ct.setType("serial");
        ct.setPort("0");
        console.setTarget(ct);
        dev.getConsole().add(console);

        DevicesInput tablet = new DevicesInput();
        tablet.setType("tablet");
        tablet.setBus("usb");
        dev.getInput().add(tablet);

        if (spec.effectiveTpm()) {
            Tpm tpm = new Tpm();
            tpm.setModel("tpm-crb");
            TpmBackend backend = new TpmBackend();
            backend.setType("emulator");
            backend.setVersion("2.0");
            tpm.setBackend(backend);
            dev.getTpm().add(tpm);
            changes.add(
                    "/domain/devices/tpm[1]",
                    "emulated TPM 2.0 (tpm-crb)"
                            + (spec.tpm() ? "" : ": " + spec.os().cliName() + " needs it"));
        }
        if (spec.graphics() == GraphicsType.NONE) {
            changes.add("/domain/devices/graphics", "none: the serial console only (virsh console)");
            addBalloonAndRng(dev, virtio);
            return dev;
        }
        Graphics g = new Graphics();
        g.setType(spec.graphics().xmlValue());
        g.setPort(IntegerText.of(-1));
        g.setAutoport("yes");
        Listen listen = new Listen();
        listen.setType("address");
        listen.setAddress("127.0.0.1");
        g.getListen().add(listen);
        dev.getGraphics().add(g);

        Video video = new Video();
        VideoModel model = new VideoModel();
        model.setType(videoModel(spec));
        model.setHeads(IntegerText.of(1));
        model.setPrimary("yes");
        video.setModel(model);
        dev.getVideo().add(video);
        addBalloonAndRng(dev, virtio);
        return dev;
    }

    private static void addBalloonAndRng(Devices dev, boolean virtio) {
        Memballoon balloon = new Memballoon();
        balloon.setModel(virtio ? "virtio" : "none");
        dev.setMemballoon(balloon);
        if (virtio) {
            Rng rng = new Rng();
            rng.setModel("virtio");
            RngBackend backend = new RngBackend();
            backend.setModel("random");
            backend.setText("/dev/urandom");
            rng.setBackend(backend);
            dev.getRng().add(rng);
        }
    }

    private static String videoModel(GuestSpec spec) {
        if (spec.os().isLinux()) {
            return "virtio";
        }
        return spec.graphics() == GraphicsType.SPICE ? "qxl" : "vga";
    }

    static Disk systemDisk(String path, String target, String bus) {
        boolean block = isBlockDevice(path);
        return new Disk()
                .withDevice(DiskDevices.DISK)
                .withDriver(new DiskDriver().withName("qemu").withType(block ? "raw" : imageFormat(path)))
                .source(block ? new DiskSourceVariant.Block(path) : new DiskSourceVariant.File(path))
                .withTarget(new DiskTarget().withDev(target).withBus(bus));
    }

    private static Disk cdrom(String iso, String dev, String bus) {
        Disk disk = new Disk();
        disk.setType("file");
        disk.setDevice("cdrom");
        DiskDriver driver = new DiskDriver();
        driver.setName("qemu");
        driver.setType("raw");
        disk.setDriver(driver);
        DiskSource source = new DiskSource();
        source.setFile(iso);
        disk.setSource(source);
        DiskTarget target = new DiskTarget();
        target.setDev(dev);
        target.setBus(bus);
        disk.setTarget(target);
        disk.setReadonly(new Leaf());
        return disk;
    }

    static boolean isBlockDevice(String path) {
        return path.startsWith("/dev/");
    }

    /** qcow2 unless the extension names a raw image ({@code .img}, {@code .raw}, {@code .iso}). */
    static String imageFormat(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".raw") || lower.endsWith(".img") || lower.endsWith(".iso")) {
            return "raw";
        }
        return "qcow2";
    }
}
