package org.virtxml.edit;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.virtxml.edit.storage.VolumeSpec;
import org.virtxml.edit.storage.Volumes;
import org.virtxml.model.DataSize;
import org.virtxml.model.GuestOs;
import org.virtxml.model.Unit;
import org.virtxml.model.domain.Devices;
import org.virtxml.model.domain.Disk;
import org.virtxml.model.domain.DiskDevices;
import org.virtxml.model.domain.DiskDriver;
import org.virtxml.model.domain.DiskSourceVariant;
import org.virtxml.model.domain.DiskTarget;
import org.virtxml.model.domain.Domain;
import org.virtxml.model.volume.Volume;

/**
 * Adds a disk to an existing guest at the next free target of its bus (KVM guide chapter 5.2). A
 * new image is qcow2: a file {@code /var/lib/libvirt/images/NAME-TARGET.qcow2}, or the volume
 * {@code NAME-TARGET.qcow2} of a storage pool; the volume to create comes with the result. The
 * domain is changed in place, as with {@link Networks}.
 */
public final class Disks {
    private Disks() {}

    /**
     * What adding a disk made: the edit, the disk added, and for a new image the volume to create
     * (in the pool for a pool volume, else the file's definition).
     */
    public record Added(EditResult<Domain> edit, Disk disk, Optional<Volume> volume) {}

    /** Adds the disk {@code spec} describes to {@code domain}. */
    public static Added addDisk(Domain domain, DiskSpec spec) {
        if (domain.getDevices() == null) {
            domain.setDevices(new Devices());
        }
        Changes changes = new Changes();
        Set<String> taken = new HashSet<>();
        for (Disk d : domain.getDevices().getDisk()) {
            if (d.getTarget() != null && d.getTarget().getDev() != null) {
                taken.add(d.getTarget().getDev());
            }
        }
        String target = VirtioConversion.nextFree(spec.targetPrefix(), taken);
        String name = domain.getName() == null || domain.getName().getText() == null
                ? "guest"
                : domain.getName().getText();
        Disk disk = new Disk()
                .withDevice(DiskDevices.DISK)
                .withTarget(new DiskTarget().withDev(target).withBus(spec.bus()));
        Optional<Volume> volume = Optional.empty();
        String where;
        if (spec.path() != null) {
            boolean block = GuestFactory.isBlockDevice(spec.path());
            disk.withDriver(new DiskDriver()
                            .withName("qemu")
                            .withType(block ? "raw" : GuestFactory.imageFormat(spec.path())))
                    .source(block ? new DiskSourceVariant.Block(spec.path()) : new DiskSourceVariant.File(spec.path()));
            where = spec.path();
        } else {
            String file = name + "-" + target + ".qcow2";
            long bytes = spec.size().bytes(Unit.BYTES).orElseThrow();
            volume = Optional.of(
                    Volumes.build(VolumeSpec.of(file, DataSize.ofBytes(bytes)).withFormat("qcow2")));
            disk.withDriver(new DiskDriver().withName("qemu").withType("qcow2"));
            if (spec.pool() != null) {
                disk.source(new DiskSourceVariant.Volume(spec.pool(), file, null));
                where = "new volume " + file + " in pool " + spec.pool() + " (" + bytes + " bytes)";
            } else {
                String path = GuestSpec.DEFAULT_IMAGE_DIR + "/" + file;
                disk.source(new DiskSourceVariant.File(path));
                where = "new image " + path + " (" + bytes + " bytes)";
            }
        }
        domain.getDevices().getDisk().add(disk);
        String note =
                spec.bus().equals("virtio") && GuestOs.isWindows(domain) && !VirtioConversion.hasVirtioDriverIso(domain)
                        ? "; Windows sees it only once the virtio drivers are installed"
                        : "";
        changes.add(
                "/domain/devices/disk[" + domain.getDevices().getDisk().size() + "]",
                "added " + target + " on " + spec.bus() + ": " + where + note);
        return new Added(new EditResult<>(domain, changes.list()), disk, volume);
    }
}
