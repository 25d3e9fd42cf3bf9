package org.virtxml.edit;

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
import org.virtxml.model.domain.DiskSourceVariant;
import org.virtxml.model.domain.DiskSource;
import org.virtxml.model.domain.Domain;
import org.virtxml.model.domain.Graphics;
import org.virtxml.model.domain.Interface;
import org.virtxml.model.domain.OsNvram;
import org.virtxml.model.domain.Sysinfo;
import org.virtxml.model.domain.SystemEntry;

/**
 * Clones a domain definition with virt-clone's semantics (KVM guide chapter 4): new name, new
 * UUID (and genid when one is set), new unique MACs keeping each NIC's prefix, new paths for
 * writable disks and the nvram, the SMBIOS system uuid updated to the new UUID, fixed graphics
 * ports and host-side tap names reset to automatic. Shareable and readonly disks, cdroms and
 * floppies stay shared with the source. The source is not changed. A running domain (one with an
 * {@code id}) is refused. The result lists every change; copying the disk images themselves is the
 * caller's business (the changes name old and new paths).
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
            throw new EditRefusedException("the domain is running (id " + source.getId().text()
                    + "): clone its inactive definition (virsh dumpxml --inactive)");
        }
        String oldName = source.getName() == null || source.getName().getText() == null ? "" : source.getName().getText();
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

        if (d.getGenid() != null && d.getGenid().getText() != null && !d.getGenid().getText().isBlank()) {
            Uuid genid = freshUuid(d.getGenid().uuid());
            changes.changed("/domain/genid", d.getGenid().getText(), genid.text());
            d.getGenid().setUuid(genid);
        }
        updateSysinfo(d, uuid, changes);
        if (d.getDevices() != null) {
            newMacs(d.getDevices(), changes);
        }
        newPaths(d, oldName, options, changes);
        if (d.getDevices() != null) {
            resetGraphics(d.getDevices(), changes);
        }
        return new EditResult<>(d, changes.list());
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
                changes.add(path + "/target", "removed '" + nic.getTarget().getDev()
                        + "' (the host-side device name is chosen when the clone starts)");
                nic.setTarget(null);
            }
        }
    }

    /** A random MAC with {@code old}'s first three octets (52:54:00 when old is unreadable). */
    private MacAddress freshMac(MacAddress old, Set<MacAddress> taken) {
        byte[] prefix = old.isParsable() ? old.octets() : MacAddress.randomKvm(random).octets();
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
            addIfSet(sourcePaths, nvram.getText() == null ? null : nvram.getText().trim());
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
                String np = paths.next(b.dev(), target);
                changes.changed(path + "/source/@dev", b.dev(), np);
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
                changes.changed("/domain/os/nvram/source/@file", nvram.getSource().getFile(), np);
                nvram.getSource().setFile(np);
            }
        }
    }

    /** A disk the clone gets its own copy of: a disk or lun, neither readonly nor shareable. */
    static boolean isWritable(Disk disk) {
        String device = disk.effectiveDevice();
        return (device.equals(DiskDevices.DISK) || device.equals(DiskDevices.LUN)) && disk.getReadonly() == null
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
