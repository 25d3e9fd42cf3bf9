package org.virtxml.edit;

import org.virtxml.model.Names;
import java.util.Objects;
import org.virtxml.model.DataSize;
import org.virtxml.model.Unit;

/**
 * The few choices a new KVM guest is made from; everything else takes the defaults of
 * {@link GuestFactory}. Start from {@link #of(String)} and change what differs with the
 * {@code withXxx} methods.
 *
 * @param name            the domain name
 * @param memory          guest memory
 * @param vcpus           virtual CPUs (at least 1)
 * @param diskPath        the disk image (a file, or a block device under /dev); null: derived from
 *                        the name as {@code /var/lib/libvirt/images/NAME.qcow2}
 * @param diskSize        the size of the disk image to create; null when the image exists. With a size,
 *                        {@link GuestFactory#volumeFor(GuestSpec)} gives the volume to create.
 * @param network         the libvirt network the NIC joins (NAT)
 * @param os              the OS family
 * @param graphics        VNC or SPICE
 * @param virtioDriverIso Windows only: the virtio driver ISO; null for none
 * @param installMedia    an installation ISO attached as the first cdrom; null for none
 */
public record GuestSpec(String name, DataSize memory, int vcpus, String diskPath, DataSize diskSize,
                        String network, OsFamily os, GraphicsType graphics, String virtioDriverIso,
                        String installMedia) {

    /** Directory of the default disk path, libvirt's default pool. */
    public static final String DEFAULT_IMAGE_DIR = "/var/lib/libvirt/images";

    public GuestSpec {
        Objects.requireNonNull(name, "name");
        Names.requireValid(name, "domain");
        Objects.requireNonNull(memory, "memory");
        if (memory.kibibytes(Unit.KIB).orElse(0) <= 0) {
            throw new IllegalArgumentException("memory must be a positive size: " + memory);
        }
        if (vcpus < 1) {
            throw new IllegalArgumentException("vcpus must be at least 1: " + vcpus);
        }
        if (diskSize != null && diskSize.bytes(Unit.BYTES).orElse(0) <= 0) {
            throw new IllegalArgumentException("disk size must be a positive size: " + diskSize);
        }
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(graphics, "graphics");
    }

    /** A Linux guest with 2 GiB, 2 vCPUs, the default disk path, network {@code default} and VNC. */
    public static GuestSpec of(String name) {
        return new GuestSpec(name, DataSize.of(2, Unit.GIB), 2, null, null, "default", OsFamily.LINUX,
                GraphicsType.VNC, null, null);
    }

    public GuestSpec withMemory(DataSize m) {
        return new GuestSpec(name, m, vcpus, diskPath, diskSize, network, os, graphics, virtioDriverIso, installMedia);
    }

    public GuestSpec withVcpus(int n) {
        return new GuestSpec(name, memory, n, diskPath, diskSize, network, os, graphics, virtioDriverIso, installMedia);
    }

    public GuestSpec withDiskPath(String p) {
        return new GuestSpec(name, memory, vcpus, p, diskSize, network, os, graphics, virtioDriverIso, installMedia);
    }

    public GuestSpec withDiskSize(DataSize s) {
        return new GuestSpec(name, memory, vcpus, diskPath, s, network, os, graphics, virtioDriverIso, installMedia);
    }

    public GuestSpec withNetwork(String n) {
        return new GuestSpec(name, memory, vcpus, diskPath, diskSize, n, os, graphics, virtioDriverIso, installMedia);
    }

    public GuestSpec withOs(OsFamily o) {
        return new GuestSpec(name, memory, vcpus, diskPath, diskSize, network, o, graphics, virtioDriverIso, installMedia);
    }

    public GuestSpec withGraphics(GraphicsType g) {
        return new GuestSpec(name, memory, vcpus, diskPath, diskSize, network, os, g, virtioDriverIso, installMedia);
    }

    public GuestSpec withVirtioDriverIso(String iso) {
        return new GuestSpec(name, memory, vcpus, diskPath, diskSize, network, os, graphics, iso, installMedia);
    }

    public GuestSpec withInstallMedia(String iso) {
        return new GuestSpec(name, memory, vcpus, diskPath, diskSize, network, os, graphics, virtioDriverIso, iso);
    }

    /** The disk image path, given or derived from the name. */
    public String effectiveDiskPath() {
        return diskPath != null ? diskPath : DEFAULT_IMAGE_DIR + "/" + name + ".qcow2";
    }

    /** Whether disk and NIC use virtio: always for Linux, for Windows only with a driver ISO. */
    public boolean usesVirtio() {
        return os == OsFamily.LINUX || virtioDriverIso != null;
    }
}
