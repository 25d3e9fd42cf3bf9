package org.virtxml.model.domain;

/** libvirt's values of a disk's {@code device} attribute; {@link #DISK} is libvirt's default. */
public final class DiskDevices {
    public static final String DISK = "disk";
    public static final String CDROM = "cdrom";
    public static final String FLOPPY = "floppy";
    public static final String LUN = "lun";

    private DiskDevices() {}
}
