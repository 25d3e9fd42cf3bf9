package org.virtxml.model.domain;

/**
 * The typed view of a {@code <disk>} over its flat storage: which storage its {@code type} selects
 * ({@link #source()}), and the device and bus libvirt takes when the document does not say.
 * {@link Disk} implements it; the storage (every variant's attributes, as read) stays as it is.
 */
public interface DiskView {

    String getType();

    void setType(String value);

    String getDevice();

    DiskSource getSource();

    void setSource(DiskSource value);

    DiskTarget getTarget();

    /** The type as written, or libvirt's default {@code file}. */
    default String effectiveType() {
        return getType() == null ? DiskTypes.FILE : getType();
    }

    /** The device as written, or libvirt's default {@code disk}. */
    default String effectiveDevice() {
        return getDevice() == null ? DiskDevices.DISK : getDevice();
    }

    /**
     * The target's bus as written, or the one libvirt picks: {@code fdc} for a floppy, otherwise
     * from the target name's prefix ({@code sd} scsi, {@code vd} virtio, {@code xvd} xen,
     * {@code ubd} uml, {@code nvme} nvme, {@code fd} fdc; {@code hd}, any other name or none: ide).
     */
    default String effectiveBus() {
        DiskTarget t = getTarget();
        if (t != null && t.getBus() != null) {
            return t.getBus();
        }
        if (DiskDevices.FLOPPY.equals(effectiveDevice())) {
            return DiskBuses.FDC;
        }
        String prefix = DiskTargetNames.prefix(t == null ? null : t.getDev());
        if (prefix == null) {
            return DiskBuses.IDE;
        }
        return switch (prefix) {
            case "sd" -> DiskBuses.SCSI;
            case "vd" -> DiskBuses.VIRTIO;
            case "xvd" -> DiskBuses.XEN;
            case "ubd" -> DiskBuses.UML;
            case "nvme" -> DiskBuses.NVME;
            case "fd" -> DiskBuses.FDC;
            default -> DiskBuses.IDE;
        };
    }

    /** The storage the disk's type selects, with that variant's source attributes. */
    default DiskSourceVariant source() {
        return DiskSourceVariant.of(getType(), getSource());
    }

    /**
     * Makes the disk use this storage: sets {@code type} and the variant's source attributes, and
     * clears the attributes that belong to the other variants (the source's other content, such
     * as {@code startupPolicy}, {@code <seclabel>} or {@code <encryption>}, stays). {@link
     * DiskSourceVariant.Other} only sets the type; an emptied {@code <source>} is removed.
     */
    default Disk source(DiskSourceVariant variant) {
        DiskSource s = getSource() == null ? new DiskSource() : getSource();
        setType(variant.type());
        DiskSourceVariant.write(variant, s);
        setSource(s.equals(new DiskSource()) ? null : s);
        return (Disk) this;
    }
}
