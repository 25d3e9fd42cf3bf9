package org.virtxml.edit;

import java.util.Objects;
import java.util.Set;
import org.virtxml.model.DataSize;
import org.virtxml.model.Unit;

/**
 * A disk to add to an existing guest (KVM guide chapter 5.2): an image that exists ({@code path}),
 * or a new qcow2 image of {@code size}, as a file beside the guest's images or, with {@code pool},
 * as a volume of that storage pool.
 *
 * @param path an existing image (file, or block device under /dev); null for a new image
 * @param size the new image's size; null with a path
 * @param bus  virtio, sata, scsi, ide or usb
 * @param pool the storage pool of the new image's volume; null for a file
 */
public record DiskSpec(String path, DataSize size, String bus, String pool) {
    private static final Set<String> BUSES = Set.of("virtio", "sata", "scsi", "ide", "usb");

    public DiskSpec {
        if ((path == null) == (size == null)) {
            throw new IllegalArgumentException("a disk to add is either an existing image (PATH) or a new one (SIZE)");
        }
        if (size != null && size.bytes(Unit.BYTES).orElse(0) <= 0) {
            throw new IllegalArgumentException("the new disk's size must be positive: " + size);
        }
        if (path != null && pool != null) {
            throw new IllegalArgumentException("a pool is for a new disk (SIZE), not an existing image");
        }
        Objects.requireNonNull(bus, "bus");
        if (!BUSES.contains(bus)) {
            throw new IllegalArgumentException("disk bus must be virtio, sata, scsi, ide or usb, not '" + bus + "'");
        }
    }

    /** An existing image on bus virtio. */
    public static DiskSpec image(String path) {
        return new DiskSpec(path, null, "virtio", null);
    }

    /** A new image of {@code size} on bus virtio, as a file. */
    public static DiskSpec sized(DataSize size) {
        return new DiskSpec(null, size, "virtio", null);
    }

    public DiskSpec onBus(String b) {
        return new DiskSpec(path, size, b, pool);
    }

    public DiskSpec inPool(String p) {
        return new DiskSpec(path, size, bus, p);
    }

    /** The target name prefix of the bus: vd, hd or sd. */
    String targetPrefix() {
        return switch (bus) {
            case "virtio" -> "vd";
            case "ide" -> "hd";
            default -> "sd";
        };
    }
}
