package org.virtxml.edit;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.virtxml.model.GuestOs;
import org.virtxml.model.domain.Disk;
import org.virtxml.model.domain.DiskDevices;
import org.virtxml.model.domain.DiskTarget;
import org.virtxml.model.domain.Domain;
import org.virtxml.model.domain.Interface;
import org.virtxml.model.domain.InterfaceModel;

/**
 * Moves a domain's disks and NICs to virtio (KVM guide chapter 5). Disks on ide, sata or scsi move
 * to bus virtio under the next free {@code vdX} name; their drive address (which names a slot on
 * the old controller) is removed so libvirt assigns a PCI one, as are settings only the old buses
 * have (rotation_rate, removable, wwn, vendor, product). Boot order stays. Cdroms, floppies and
 * luns stay where they are: virtio-blk has no removable media. Every NIC that has a model gets
 * model virtio (SR-IOV and vDPA interfaces have none). The domain is changed in place, as with
 * {@link Networks}; {@link DomainCloner} and {@link GuestFactory} make new ones. All four return an {@link EditResult}.
 */
public final class VirtioConversion {
    private static final Set<String> OLD_BUSES = Set.of("ide", "sata", "scsi");

    /** The conversion; it has no settings. */
    public VirtioConversion() {}

    /**
     * Converts {@code domain} in place whatever its OS; the result holds it and every change made
     * (none when nothing was movable). This is {@code edit --virtio --force}: {@link #convert} is the
     * careful one.
     */
    public EditResult<Domain> apply(Domain domain) {
        return new EditResult<>(domain, changes(domain));
    }

    /**
     * Converts {@code domain} in place as {@link #apply} does, but refuses (changing nothing) when
     * the document names a Windows guest ({@link GuestOs}) whose boot disk would move to virtio
     * while no virtio driver ISO is attached: Windows has no inbox virtio drivers, so the guest may
     * not boot (KVM guide chapter 5). {@code force} converts anyway.
     */
    public EditResult<Domain> convert(Domain domain, boolean force) throws EditRefusedException {
        if (!force) {
            Optional<String> why = windowsBootDiskRisk(domain);
            if (why.isPresent()) {
                throw new EditRefusedException(why.get());
            }
        }
        return apply(domain);
    }

    /** Why moving {@code domain}'s boot disk to virtio may leave it unbootable, if it may. */
    static Optional<String> windowsBootDiskRisk(Domain domain) {
        Optional<GuestOs> os = GuestOs.of(domain);
        if (os.isEmpty()
                || os.get().family() != GuestOs.Family.WINDOWS
                || domain.getDevices() == null
                || hasVirtioDriverIso(domain)) {
            return Optional.empty();
        }
        Optional<Disk> boot = bootDisk(domain.getDevices().getDisk());
        if (boot.isEmpty() || !movable(boot.get())) {
            return Optional.empty();
        }
        DiskTarget t = boot.get().getTarget();
        return Optional.of("the boot disk " + t.getDev() + " on " + boot.get().effectiveBus() + " of a Windows guest ("
                + os.get().evidence() + ") would move to virtio, but Windows has no inbox virtio drivers and may not"
                + " boot (KVM guide chapter 5): attach the virtio driver ISO (virtio-win.iso) as a cdrom and install"
                + " its drivers first, or give --force");
    }

    /** The disk with boot order 1, else the first disk (the one {@code <boot dev='hd'/>} starts). */
    private static Optional<Disk> bootDisk(List<Disk> disks) {
        for (Disk d : disks) {
            if (d.getBoot() != null
                    && d.getBoot().getOrder() != null
                    && d.getBoot().getOrder().longValue() == 1) {
                return Optional.of(d);
            }
        }
        return disks.stream()
                .filter(d -> d.effectiveDevice().equals(DiskDevices.DISK))
                .findFirst();
    }

    /** A cdrom whose image is named like the virtio-win driver ISO. */
    static boolean hasVirtioDriverIso(Domain domain) {
        for (Disk d : domain.getDevices().getDisk()) {
            String file = d.getSource() == null ? null : d.getSource().getFile();
            if (d.effectiveDevice().equals(DiskDevices.CDROM)
                    && file != null
                    && file.substring(file.lastIndexOf('/') + 1)
                            .toLowerCase(Locale.ROOT)
                            .contains("virtio")) {
                return true;
            }
        }
        return false;
    }

    private static List<Change> changes(Domain domain) {
        Changes changes = new Changes();
        if (domain.getDevices() == null) {
            return changes.list();
        }
        List<Disk> disks = domain.getDevices().getDisk();
        Set<String> taken = new HashSet<>();
        for (Disk disk : disks) {
            if (disk.getTarget() != null && disk.getTarget().getDev() != null) {
                taken.add(disk.getTarget().getDev());
            }
        }
        for (int i = 0; i < disks.size(); i++) {
            Disk disk = disks.get(i);
            if (!movable(disk)) {
                continue;
            }
            String path = "/domain/devices/disk[" + (i + 1) + "]";
            DiskTarget t = disk.getTarget();
            String oldDev = t.getDev();
            String oldBus = disk.effectiveBus();
            String dev = nextFree(taken);
            taken.add(dev);
            t.setDev(dev);
            t.setBus("virtio");
            changes.add(path + "/target", oldDev + " on " + oldBus + " → " + dev + " on virtio");
            if (t.getRotationRate() != null) {
                t.setRotationRate(null);
                changes.add(path + "/target/@rotation_rate", "removed (virtio disks have none)");
            }
            if (t.getRemovable() != null) {
                t.setRemovable(null);
                changes.add(path + "/target/@removable", "removed (virtio disks have none)");
            }
            if (disk.getAddress() != null && !"pci".equals(disk.getAddress().getType())) {
                changes.add(
                        path + "/address",
                        "removed stale " + disk.getAddress().getType() + " address (libvirt assigns a PCI one)");
                disk.setAddress(null);
            }
            if (disk.getWwn() != null) {
                disk.setWwn(null);
                changes.add(path + "/wwn", "removed (only ide and scsi disks have one)");
            }
            if (disk.getVendor() != null) {
                disk.setVendor(null);
                changes.add(path + "/vendor", "removed (only scsi disks have one)");
            }
            if (disk.getProduct() != null) {
                disk.setProduct(null);
                changes.add(path + "/product", "removed (only scsi disks have one)");
            }
        }
        List<Interface> nics = domain.getDevices().getInterface();
        for (int i = 0; i < nics.size(); i++) {
            Interface nic = nics.get(i);
            if ("hostdev".equals(nic.getType()) || "vdpa".equals(nic.getType())) {
                continue;
            }
            InterfaceModel model = nic.getModel();
            String old = model == null ? null : model.getType();
            if ("virtio".equals(old)) {
                continue;
            }
            if (model == null) {
                model = new InterfaceModel();
                nic.setModel(model);
            }
            model.setType("virtio");
            changes.add(
                    "/domain/devices/interface[" + (i + 1) + "]/model/@type",
                    (old == null ? "(hypervisor default)" : old) + " → virtio");
        }
        return changes.list();
    }

    private static boolean movable(Disk disk) {
        return disk.effectiveDevice().equals(DiskDevices.DISK)
                && disk.getTarget() != null
                && OLD_BUSES.contains(disk.effectiveBus());
    }

    /** The first of vda, vdb, ..., vdz, vdaa, ... not taken. */
    static String nextFree(Set<String> taken) {
        return nextFree("vd", taken);
    }

    /** The first of PREFIXa, PREFIXb, ... ({@code vd}, {@code sd}, {@code hd}) not taken. */
    static String nextFree(String prefix, Set<String> taken) {
        for (int i = 0; ; i++) {
            String name = prefix + suffix(i);
            if (!taken.contains(name)) {
                return name;
            }
        }
    }

    /** libvirt's disk name suffix for index i: a..z, aa..zz, aaa... */
    static String suffix(int i) {
        StringBuilder sb = new StringBuilder();
        int n = i;
        do {
            sb.insert(0, (char) ('a' + n % 26));
            n = n / 26 - 1;
        } while (n >= 0);
        return sb.toString();
    }
}
