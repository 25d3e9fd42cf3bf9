package org.virtxml.connect;

import java.util.Set;

/**
 * Which state of a domain a device change affects (libvirt's {@code VIR_DOMAIN_AFFECT_*}). No scope
 * at all means libvirt's {@code VIR_DOMAIN_AFFECT_CURRENT}: the live state of a running domain, the
 * definition of a stopped one.
 */
public enum DeviceScope {
    /** The running guest (VIR_DOMAIN_AFFECT_LIVE). */
    LIVE(1),
    /** The persistent definition (VIR_DOMAIN_AFFECT_CONFIG). */
    CONFIG(2);

    private final int flag;

    DeviceScope(int flag) {
        this.flag = flag;
    }

    /** libvirt's flag bits for a set of scopes. */
    public static int flags(Set<DeviceScope> scopes) {
        int flags = 0;
        for (DeviceScope s : scopes) {
            flags |= s.flag;
        }
        return flags;
    }
}
