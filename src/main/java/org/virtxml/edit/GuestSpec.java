package org.virtxml.edit;

import java.util.List;
import java.util.Objects;
import org.virtxml.model.DataSize;
import org.virtxml.model.Names;
import org.virtxml.model.Unit;

/**
 * The few choices a new KVM guest is made from; everything else takes the defaults of
 * {@link GuestFactory} and the {@link OsFamily}. Start from {@link #of(String)} and change what
 * differs with the {@code withXxx} methods.
 *
 * @param name            the domain name
 * @param memory          guest memory
 * @param vcpus           virtual CPUs (at least 1)
 * @param disks           the disk images in order (files, or block devices under /dev); empty: one
 *                        derived from the name as {@code /var/lib/libvirt/images/NAME.qcow2}
 * @param diskSize        the size of the first disk image to create; null when the image exists. With
 *                        a size, {@link GuestFactory#volumeFor(GuestSpec)} gives the volume to create.
 * @param nic             how the NIC reaches the network: a libvirt network (NAT) or a host bridge
 * @param os              the OS family
 * @param graphics        VNC, SPICE or none
 * @param virtioDriverIso Windows only: the virtio driver ISO; null for none
 * @param installMedia    an installation ISO attached as the first cdrom; null for none
 * @param pxe             boot from the network first (PXE), then the disk
 * @param uefi            UEFI firmware (always for a family that needs it)
 * @param tpm             an emulated TPM 2.0 (always for a family that needs it)
 */
public record GuestSpec(
        String name,
        DataSize memory,
        int vcpus,
        List<String> disks,
        DataSize diskSize,
        InterfaceSpec nic,
        OsFamily os,
        GraphicsType graphics,
        String virtioDriverIso,
        String installMedia,
        boolean pxe,
        boolean uefi,
        boolean tpm) {

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
        disks = List.copyOf(disks);
        if (diskSize != null && diskSize.bytes(Unit.BYTES).orElse(0) <= 0) {
            throw new IllegalArgumentException("disk size must be a positive size: " + diskSize);
        }
        Objects.requireNonNull(nic, "nic");
        if (!(nic instanceof InterfaceSpec.Network) && !(nic instanceof InterfaceSpec.Bridge)) {
            throw new IllegalArgumentException("a new guest's NIC is on a libvirt network or a host bridge");
        }
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(graphics, "graphics");
    }

    /** A Linux guest with 2 GiB, 2 vCPUs, the default disk path, network {@code default} and VNC. */
    public static GuestSpec of(String name) {
        return new GuestSpec(
                name,
                DataSize.of(2, Unit.GIB),
                2,
                List.of(),
                null,
                new InterfaceSpec.Network("default"),
                OsFamily.LINUX,
                GraphicsType.VNC,
                null,
                null,
                false,
                false,
                false);
    }

    public GuestSpec withMemory(DataSize m) {
        return new GuestSpec(
                name, m, vcpus, disks, diskSize, nic, os, graphics, virtioDriverIso, installMedia, pxe, uefi, tpm);
    }

    public GuestSpec withVcpus(int n) {
        return new GuestSpec(
                name, memory, n, disks, diskSize, nic, os, graphics, virtioDriverIso, installMedia, pxe, uefi, tpm);
    }

    /** One disk at {@code p} (null: the default path). */
    public GuestSpec withDiskPath(String p) {
        return withDisks(p == null ? List.of() : List.of(p));
    }

    /** These disks, in order (empty: one at the default path). */
    public GuestSpec withDisks(List<String> paths) {
        return new GuestSpec(
                name, memory, vcpus, paths, diskSize, nic, os, graphics, virtioDriverIso, installMedia, pxe, uefi, tpm);
    }

    public GuestSpec withDiskSize(DataSize s) {
        return new GuestSpec(
                name, memory, vcpus, disks, s, nic, os, graphics, virtioDriverIso, installMedia, pxe, uefi, tpm);
    }

    /** The NIC on the libvirt network {@code n} (NAT). */
    public GuestSpec withNetwork(String n) {
        return withNic(new InterfaceSpec.Network(n));
    }

    /** The NIC on the host bridge {@code br} (KVM guide chapter 6: the guest on the LAN). */
    public GuestSpec withBridge(String br) {
        return withNic(new InterfaceSpec.Bridge(br));
    }

    public GuestSpec withNic(InterfaceSpec s) {
        return new GuestSpec(
                name, memory, vcpus, disks, diskSize, s, os, graphics, virtioDriverIso, installMedia, pxe, uefi, tpm);
    }

    public GuestSpec withOs(OsFamily o) {
        return new GuestSpec(
                name, memory, vcpus, disks, diskSize, nic, o, graphics, virtioDriverIso, installMedia, pxe, uefi, tpm);
    }

    public GuestSpec withGraphics(GraphicsType g) {
        return new GuestSpec(
                name, memory, vcpus, disks, diskSize, nic, os, g, virtioDriverIso, installMedia, pxe, uefi, tpm);
    }

    public GuestSpec withVirtioDriverIso(String iso) {
        return new GuestSpec(
                name, memory, vcpus, disks, diskSize, nic, os, graphics, iso, installMedia, pxe, uefi, tpm);
    }

    public GuestSpec withInstallMedia(String iso) {
        return new GuestSpec(
                name, memory, vcpus, disks, diskSize, nic, os, graphics, virtioDriverIso, iso, pxe, uefi, tpm);
    }

    public GuestSpec withPxe(boolean on) {
        return new GuestSpec(
                name, memory, vcpus, disks, diskSize, nic, os, graphics, virtioDriverIso, installMedia, on, uefi, tpm);
    }

    public GuestSpec withUefi(boolean on) {
        return new GuestSpec(
                name, memory, vcpus, disks, diskSize, nic, os, graphics, virtioDriverIso, installMedia, pxe, on, tpm);
    }

    public GuestSpec withTpm(boolean on) {
        return new GuestSpec(
                name, memory, vcpus, disks, diskSize, nic, os, graphics, virtioDriverIso, installMedia, pxe, uefi, on);
    }

    /** The first disk image path, given or derived from the name. */
    public String effectiveDiskPath() {
        return effectiveDisks().get(0);
    }

    /** Every disk image path, the first derived from the name when none is given. */
    public List<String> effectiveDisks() {
        return disks.isEmpty() ? List.of(DEFAULT_IMAGE_DIR + "/" + name + ".qcow2") : disks;
    }

    /** Whether disks and NIC use virtio: with inbox drivers, or for Windows with a driver ISO. */
    public boolean usesVirtio() {
        return os.hasInboxVirtio() || (os.isWindows() && virtioDriverIso != null);
    }

    /** UEFI firmware: asked for, or needed by the family. */
    public boolean effectiveUefi() {
        return uefi || os.needsUefiAndTpm();
    }

    /** A TPM 2.0: asked for, or needed by the family. */
    public boolean effectiveTpm() {
        return tpm || os.needsUefiAndTpm();
    }
}
