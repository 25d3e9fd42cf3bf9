package org.virtxml.connect;

import java.util.Set;

/** What else goes when a domain's definition is removed (libvirt's {@code VIR_DOMAIN_UNDEFINE_*}). */
public enum UndefineOption {
    /** Remove a managed save image too (VIR_DOMAIN_UNDEFINE_MANAGED_SAVE). */
    MANAGED_SAVE(1),
    /** Remove the metadata of the domain's snapshots too (VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA). */
    SNAPSHOTS_METADATA(2),
    /** Remove the UEFI variable store too (VIR_DOMAIN_UNDEFINE_NVRAM). */
    NVRAM(4),
    /** Keep the UEFI variable store (VIR_DOMAIN_UNDEFINE_KEEP_NVRAM). */
    KEEP_NVRAM(8),
    /** Remove the metadata of the domain's checkpoints too (VIR_DOMAIN_UNDEFINE_CHECKPOINTS_METADATA). */
    CHECKPOINTS_METADATA(16);

    private final int flag;

    UndefineOption(int flag) {
        this.flag = flag;
    }

    /** libvirt's flag bits for a set of options. */
    public static int flags(Set<UndefineOption> options) {
        int flags = 0;
        for (UndefineOption o : options) {
            flags |= o.flag;
        }
        return flags;
    }
}
