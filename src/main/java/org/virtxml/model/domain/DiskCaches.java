package org.virtxml.model.domain;

/** libvirt's values of a disk driver's {@code cache} attribute (the host page cache mode). */
public final class DiskCaches {
    public static final String DEFAULT = "default";
    public static final String NONE = "none";
    public static final String WRITEBACK = "writeback";
    public static final String WRITETHROUGH = "writethrough";
    public static final String DIRECTSYNC = "directsync";
    public static final String UNSAFE = "unsafe";

    private DiskCaches() {}
}
