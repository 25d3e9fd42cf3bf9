package org.virtxml.edit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.virtxml.model.IntegerText;
import org.virtxml.model.Leaf;
import org.virtxml.model.MacAddress;
import org.virtxml.model.ModelElement;
import org.virtxml.model.Uuid;
import org.virtxml.model.UuidLeaf;
import org.virtxml.model.domain.Devices;
import org.virtxml.model.domain.Disk;
import org.virtxml.model.domain.DiskDevices;
import org.virtxml.model.domain.DiskSource;
import org.virtxml.model.domain.DiskSourceVariant;
import org.virtxml.model.domain.Domain;
import org.virtxml.model.domain.Graphics;
import org.virtxml.model.domain.Hostdev;
import org.virtxml.model.domain.Interface;
import org.virtxml.model.domain.OsNvram;
import org.virtxml.model.domain.Sysinfo;
import org.virtxml.model.domain.SystemEntry;

/**
 * Clones a domain definition with virt-clone's semantics (KVM guide chapter 4): new name, new
 * UUID (and genid when one is set), new unique MACs keeping each NIC's prefix, new paths for
 * writable disks and the nvram, the SMBIOS system uuid updated to the new UUID, fixed graphics
 * ports and host-side tap names reset to automatic. Shareable and readonly disks, cdroms and
 * floppies stay shared with the source. Assigned host devices (hostdevs, SR-IOV interfaces) are
 * dropped unless {@link CloneOptions#keepHostdevs()}. The source is not changed. A running domain
 * (one with an {@code id}) is refused. The result lists every change; the images to copy are
 * {@link #copiesFor(Domain, Domain)}.
 */
public final class DomainCloner {
    private final RandomGenerator random;

    private DomainCloner(RandomGenerator random) {
        this.random = java.util.Objects.requireNonNull(random, "random");
    }

    /** A cloner drawing UUIDs and MACs from a strong random source. */
    public static DomainCloner withSecureRandom() {
        return new DomainCloner(new java.security.SecureRandom());
    }

    /** A cloner drawing UUIDs and MACs from {@code random} (a seeded one gives repeatable output). */
    public static DomainCloner withRandom(RandomGenerator random) {
        return new DomainCloner(random);
    }

    /** The clone of {@code source} (which is not changed) and every change made to it. */
    public EditResult<Domain> clone(Domain source, CloneOptions options) throws EditRefusedException {
        if (source.getId() != null) {
            throw new EditRefusedException("the domain is running (id "
                    + source.getId().text() + "): clone its inactive definition (virsh dumpxml --inactive)");
        }
        String oldName = source.getName() == null || source.getName().getText() == null
                ? ""
                : source.getName().getText();
        if (oldName.equals(options.newName())) {
            throw new EditRefusedException("the clone needs a name other than the source's ('" + oldName + "')");
        }
        Domain d = ModelElement.copyOf(source);
        Changes changes = new Changes();

        d.setName(Leaf.of(options.newName()));
        changes.changed("/domain/name", oldName, options.newName());

        Uuid oldUuid = source.getUuid() == null ? null : source.getUuid().uuid();
        Uuid uuid = freshUuid(oldUuid);
        if (d.getUuid() == null) {
            d.setUuid(UuidLeaf.of(uuid));
        } else {
            d.getUuid().setUuid(uuid);
        }
        changes.changed("/domain/uuid", oldUuid == null ? null : oldUuid.text(), uuid.text());

        if (d.getGenid() != null
                && d.getGenid().getText() != null
                && !d.getGenid().getText().isBlank()) {
            Uuid genid = freshUuid(d.getGenid().uuid());
            changes.changed("/domain/genid", d.getGenid().getText(), genid.text());
            d.getGenid().setUuid(genid);
        }
        updateSysinfo(d, uuid, changes);
        if (d.getDevices() != null && !options.keepHostdevs()) {
            dropHostdevs(d.getDevices(), changes);
        }
        if (d.getDevices() != null) {
            newMacs(d.getDevices(), changes);
        }
        newPaths(d, oldName, options, changes);
        if (d.getDevices() != null) {
            resetGraphics(d.getDevices(), changes);
        }
        return new EditResult<>(d, changes.list());
    }

    /**
     * The disk images {@code clone} (made by this class from {@code source}) needs of its own: one
     * per writable disk or nvram whose path or volume the clone changed, in document order.
     */
    public static List<DiskCopy> copiesFor(Domain source, Domain clone) {
        List<DiskCopy> copies = new ArrayList<>();
        List<Disk> before =
                source.getDevices() == null ? List.of() : source.getDevices().getDisk();
        List<Disk> after =
                clone.getDevices() == null ? List.of() : clone.getDevices().getDisk();
        for (int i = 0; i < Math.min(before.size(), after.size()); i++) {
            diskCopy("/domain/devices/disk[" + (i + 1) + "]/source/@", before.get(i), after.get(i))
                    .ifPresent(copies::add);
        }
        String oldNvram = nvramPath(source);
        String newNvram = nvramPath(clone);
        if (oldNvram != null && newNvram != null && !oldNvram.equals(newNvram)) {
            String text = clone.getOs().getNvram().getText();
            String path = text != null && !text.trim().isEmpty() ? "/domain/os/nvram" : "/domain/os/nvram/source/@file";
            copies.add(new DiskCopy(path, "nvram", oldNvram, newNvram, "raw", DiskCopy.Kind.FILE, null));
        }
        return List.copyOf(copies);
    }

    private static java.util.Optional<DiskCopy> diskCopy(String sourcePath, Disk old, Disk now) {
        String target = now.getTarget() == null || now.getTarget().getDev() == null
                ? "disk"
                : now.getTarget().getDev();
        String format = now.getDriver() == null ? null : now.getDriver().getType();
        DiskSourceVariant a = old.source();
        DiskSourceVariant b = now.source();
        if (a instanceof DiskSourceVariant.File f
                && b instanceof DiskSourceVariant.File g
                && f.file() != null
                && g.file() != null
                && !f.file().equals(g.file())) {
            return java.util.Optional.of(
                    new DiskCopy(sourcePath + "file", target, f.file(), g.file(), format, DiskCopy.Kind.FILE, null));
        }
        if (a instanceof DiskSourceVariant.Block f
                && b instanceof DiskSourceVariant.Block g
                && f.dev() != null
                && g.dev() != null
                && !f.dev().equals(g.dev())) {
            return java.util.Optional.of(new DiskCopy(
                    sourcePath + "dev", target, f.dev(), g.dev(), format, DiskCopy.Kind.BLOCK_DEVICE, null));
        }
        if (a instanceof DiskSourceVariant.Volume f
                && b instanceof DiskSourceVariant.Volume g
                && f.volume() != null
                && g.volume() != null
                && f.pool() != null
                && !f.volume().equals(g.volume())) {
            return java.util.Optional.of(new DiskCopy(
                    sourcePath + "volume",
                    target,
                    f.volume(),
                    g.volume(),
                    format,
                    DiskCopy.Kind.POOL_VOLUME,
                    f.pool()));
        }
        return java.util.Optional.empty();
    }

    private static String nvramPath(Domain d) {
        OsNvram nvram = d.getOs() == null ? null : d.getOs().getNvram();
        if (nvram == null) {
            return null;
        }
        String text = nvram.getText() == null ? null : nvram.getText().trim();
        if (text != null && !text.isEmpty()) {
            return text;
        }
        return nvram.getSource() == null ? null : nvram.getSource().getFile();
    }

    /** Removes every assigned host device: hostdevs and SR-IOV interfaces (paths are the source's). */
    private static void dropHostdevs(Devices devices, Changes changes) {
        List<Hostdev> hostdevs = devices.getHostdev();
        List<Hostdev> keptHostdevs = new ArrayList<>();
        for (int i = 0; i < hostdevs.size(); i++) {
            Hostdev h = hostdevs.get(i);
            if ("subsystem".equals(h.getMode()) || h.getMode() == null) {
                changes.add(
                        "/domain/devices/hostdev[" + (i + 1) + "]",
                        "removed " + describe(h)
                                + ": a host device is assigned to one guest at a time (--keep-hostdevs keeps it)");
            } else {
                keptHostdevs.add(h);
            }
        }
        hostdevs.clear();
        hostdevs.addAll(keptHostdevs);
        List<Interface> nics = devices.getInterface();
        List<Interface> keptNics = new ArrayList<>();
        for (int i = 0; i < nics.size(); i++) {
            Interface nic = nics.get(i);
            if ("hostdev".equals(nic.getType())) {
                String where =
                        Networks.pciOf(nic).map(p -> " at PCI " + p.canonical()).orElse("");
                changes.add(
                        "/domain/devices/interface[" + (i + 1) + "]",
                        "removed SR-IOV interface" + where
                                + ": a virtual function is assigned to one guest at a time (--keep-hostdevs keeps it)");
            } else {
                keptNics.add(nic);
            }
        }
        nics.clear();
        nics.addAll(keptNics);
    }

    private static String describe(Hostdev h) {
        java.util.Optional<org.virtxml.model.PciAddress> pci = Networks.pciOf(h);
        if (pci.isPresent()) {
            return "PCI device " + pci.get().canonical();
        }
        return (h.getType() == null ? "host" : h.getType().toUpperCase(java.util.Locale.ROOT)) + " device";
    }

    private Uuid freshUuid(Uuid old) {
        while (true) {
            Uuid u = Uuid.randomV4(random);
            if (old == null || !u.sameValueAs(old)) {
                return u;
            }
        }
    }

    private static void updateSysinfo(Domain d, Uuid uuid, Changes changes) {
        List<Sysinfo> sysinfos = d.getSysinfo();
        for (int s = 0; s < sysinfos.size(); s++) {
            Sysinfo si = sysinfos.get(s);
            if (si.getSystem() == null) {
                continue;
            }
            List<SystemEntry> entries = si.getSystem().getEntry();
            for (int e = 0; e < entries.size(); e++) {
                SystemEntry entry = entries.get(e);
                if ("uuid".equals(entry.getName())) {
                    String path = "/domain/sysinfo[" + (s + 1) + "]/system/entry[" + (e + 1) + "]";
                    changes.changed(path, entry.getText(), uuid.text());
                    entry.setText(uuid.text());
                }
            }
        }
    }

    private void newMacs(Devices devices, Changes changes) {
        Set<MacAddress> taken = new HashSet<>(Networks.macsOf(devices));
        List<Interface> nics = devices.getInterface();
        for (int i = 0; i < nics.size(); i++) {
            Interface nic = nics.get(i);
            String path = "/domain/devices/interface[" + (i + 1) + "]";
            if (nic.getMac() != null && nic.getMac().getAddress() != null) {
                MacAddress old = nic.getMac().getAddress();
                MacAddress mac = freshMac(old, taken);
                taken.add(mac);
                nic.getMac().setAddress(mac);
                changes.changed(path + "/mac/@address", old.text(), mac.text());
            }
            if (nic.getTarget() != null && nic.getTarget().getDev() != null) {
                changes.add(
                        path + "/target",
                        "removed '" + nic.getTarget().getDev()
                                + "' (the host-side device name is chosen when the clone starts)");
                nic.setTarget(null);
            }
        }
    }

    /** A random MAC with {@code old}'s first three octets (52:54:00 when old is unreadable). */
    private MacAddress freshMac(MacAddress old, Set<MacAddress> taken) {
        byte[] prefix =
                old.isParsable() ? old.octets() : MacAddress.randomKvm(random).octets();
        while (true) {
            byte[] tail = new byte[3];
            random.nextBytes(tail);
            byte[] octets = {prefix[0], prefix[1], prefix[2], tail[0], tail[1], tail[2]};
            MacAddress m = MacAddress.ofOctets(octets);
            if (!taken.contains(m) && !m.isAllZero()) {
                return m;
            }
        }
    }

    private static void newPaths(Domain d, String oldName, CloneOptions options, Changes changes)
            throws EditRefusedException {
        Set<String> sourcePaths = new HashSet<>();
        List<Disk> disks = d.getDevices() == null ? List.of() : d.getDevices().getDisk();
        for (Disk disk : disks) {
            DiskSourceVariant v = disk.source();
            if (v instanceof DiskSourceVariant.File || v instanceof DiskSourceVariant.Block) {
                addIfSet(sourcePaths, v.where());
            }
        }
        OsNvram nvram = d.getOs() == null ? null : d.getOs().getNvram();
        if (nvram != null) {
            addIfSet(
                    sourcePaths,
                    nvram.getText() == null ? null : nvram.getText().trim());
            if (nvram.getSource() != null) {
                addIfSet(sourcePaths, nvram.getSource().getFile());
            }
        }
        ClonePaths paths = new ClonePaths(oldName, options, sourcePaths);
        for (int i = 0; i < disks.size(); i++) {
            Disk disk = disks.get(i);
            String path = "/domain/devices/disk[" + (i + 1) + "]";
            String target = disk.getTarget() == null ? null : disk.getTarget().getDev();
            if (!isWritable(disk) || disk.getSource() == null) {
                continue;
            }
            DiskSource src = disk.getSource();
            DiskSourceVariant v = disk.source();
            if (v instanceof DiskSourceVariant.File f && f.file() != null) {
                String np = paths.next(f.file(), target);
                changes.changed(path + "/source/@file", f.file(), np);
                src.setFile(np);
            } else if (v instanceof DiskSourceVariant.Block b && b.dev() != null) {
                String np = paths.nextDevice(b.dev());
                changes.changed(path + "/source/@dev", b.dev(), np);
                if (options.diskPathPattern() != null) {
                    changes.add(
                            path + "/source/@dev",
                            "a block device keeps a device path: the disk path pattern"
                                    + " names files, so the new path is derived from the old one");
                }
                src.setDev(np);
            } else if (v instanceof DiskSourceVariant.Volume vol && vol.volume() != null) {
                String nv = ClonePaths.derive(vol.volume(), oldName, options.newName());
                changes.changed(path + "/source/@volume", vol.volume(), nv);
                src.setVolume(nv);
            } else if (v instanceof DiskSourceVariant.Network n && n.protocol() != null) {
                changes.add(path, "network disk (" + n.protocol() + ") kept: the clone shares it with the source");
            }
        }
        if (nvram != null) {
            String text = nvram.getText() == null ? null : nvram.getText().trim();
            if (text != null && !text.isEmpty()) {
                String np = paths.next(text, "nvram");
                changes.changed("/domain/os/nvram", text, np);
                nvram.setText(np);
            } else if (nvram.getSource() != null && nvram.getSource().getFile() != null) {
                String np = paths.next(nvram.getSource().getFile(), "nvram");
                changes.changed(
                        "/domain/os/nvram/source/@file", nvram.getSource().getFile(), np);
                nvram.getSource().setFile(np);
            }
        }
    }

    /** A disk the clone gets its own copy of: a disk or lun, neither readonly nor shareable. */
    static boolean isWritable(Disk disk) {
        String device = disk.effectiveDevice();
        return (device.equals(DiskDevices.DISK) || device.equals(DiskDevices.LUN))
                && disk.getReadonly() == null
                && disk.getShareable() == null;
    }

    private static void resetGraphics(Devices devices, Changes changes) {
        List<Graphics> all = devices.getGraphics();
        for (int i = 0; i < all.size(); i++) {
            Graphics g = all.get(i);
            String path = "/domain/devices/graphics[" + (i + 1) + "]";
            boolean fixed = isFixed(g.getPort()) || isFixed(g.getTlsPort()) || "no".equals(g.getAutoport());
            if (!fixed) {
                continue;
            }
            if (g.getPort() != null) {
                g.setPort(IntegerText.of(-1));
            }
            if (g.getTlsPort() != null) {
                g.setTlsPort(IntegerText.of(-1));
            }
            if (isFixed(g.getWebsocket())) {
                g.setWebsocket(IntegerText.of(-1));
            }
            g.setAutoport("yes");
            changes.add(path, "ports reset to autoport");
        }
    }

    private static boolean isFixed(IntegerText port) {
        return port != null && port.value().isPresent() && port.value().getAsLong() > 0;
    }

    private static void addIfSet(Set<String> set, String value) {
        if (value != null && !value.isEmpty()) {
            set.add(value);
        }
    }
}
