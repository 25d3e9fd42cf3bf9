package org.virtxml.model.domain;

import java.util.List;

/** The prefixes of disk target names that libvirt reads a bus from ({@code vda}, {@code sdb}, {@code hdc}, ...). */
public final class DiskTargetNames {

    /** Longest first, so that {@code xvd} wins over {@code vd}. */
    private static final List<String> PREFIXES = List.of("xvd", "ubd", "nvme", "fd", "hd", "vd", "sd");

    private DiskTargetNames() {}

    /** The known prefix of a target name ({@code ioemu:} dropped), or null. */
    public static String prefix(String dev) {
        if (dev == null) {
            return null;
        }
        String name = dev.startsWith("ioemu:") ? dev.substring(6) : dev;
        for (String p : PREFIXES) {
            if (name.startsWith(p)) {
                return p;
            }
        }
        return null;
    }
}
