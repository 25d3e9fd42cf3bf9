package org.virtxml.model.domain;

/** libvirt's values of a disk target's {@code bus} attribute. */
public final class DiskBuses {
    public static final String IDE = "ide";
    public static final String FDC = "fdc";
    public static final String SCSI = "scsi";
    public static final String VIRTIO = "virtio";
    public static final String XEN = "xen";
    public static final String USB = "usb";
    public static final String UML = "uml";
    public static final String SATA = "sata";
    public static final String SD = "sd";
    /** Not in the grammar's list of buses, but chosen by libvirt for an {@code nvme} target name. */
    public static final String NVME = "nvme";

    private DiskBuses() {}
}
