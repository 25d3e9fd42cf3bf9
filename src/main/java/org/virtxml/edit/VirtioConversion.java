package org.virtxml.edit;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

    /** Converts {@code domain} in place; the result holds it and every change made (none when nothing was movable). */
    public EditResult<Domain> apply(Domain domain) {
        return new EditResult<>(domain, changes(domain));
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
                changes.add(path + "/address", "removed stale " + disk.getAddress().getType() + " address (libvirt assigns a PCI one)");
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
            changes.add("/domain/devices/interface[" + (i + 1) + "]/model/@type",
                    (old == null ? "(hypervisor default)" : old) + " → virtio");
        }
        return changes.list();
    }

    private static boolean movable(Disk disk) {
        return disk.effectiveDevice().equals(DiskDevices.DISK) && disk.getTarget() != null
                && OLD_BUSES.contains(disk.effectiveBus());
    }

    /** The first of vda, vdb, ..., vdz, vdaa, ... not taken. */
    static String nextFree(Set<String> taken) {
        for (int i = 0; ; i++) {
            String name = "vd" + suffix(i);
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
