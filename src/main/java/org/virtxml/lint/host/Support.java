package org.virtxml.lint.host;

/** Whether the host has a capability, as far as its profile tells. */
public enum Support {
    PRESENT,
    ABSENT,
    UNKNOWN;

    /** PRESENT for true, ABSENT for false. */
    public static Support of(boolean present) {
        return present ? PRESENT : ABSENT;
    }
}
