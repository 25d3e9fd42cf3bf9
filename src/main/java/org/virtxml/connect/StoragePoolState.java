package org.virtxml.connect;

/** libvirt's virStoragePoolState, in libvirt's numbering. */
public enum StoragePoolState {
    INACTIVE(0),
    BUILDING(1),
    RUNNING(2),
    DEGRADED(3),
    INACCESSIBLE(4);

    private final int number;

    StoragePoolState(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    /** The state with libvirt's number; an unknown number is {@link #INACCESSIBLE}. */
    public static StoragePoolState of(int number) {
        for (StoragePoolState state : values()) {
            if (state.number == number) {
                return state;
            }
        }
        return INACCESSIBLE;
    }
}
