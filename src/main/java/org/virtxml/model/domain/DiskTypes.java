package org.virtxml.model.domain;

/**
 * libvirt's values of a disk's {@code type} attribute (the storage behind it). A document may hold
 * others (a newer libvirt's); the model keeps them as text.
 */
public final class DiskTypes {
    public static final String FILE = "file";
    public static final String BLOCK = "block";
    public static final String DIR = "dir";
    public static final String NETWORK = "network";
    public static final String VOLUME = "volume";
    public static final String NVME = "nvme";
    public static final String VHOSTUSER = "vhostuser";
    public static final String VHOSTVDPA = "vhostvdpa";

    private DiskTypes() {}
}
