package org.virtxml.connect;

/** libvirt's virDomainState, in libvirt's numbering. */
public enum DomainState {
    NOSTATE(0),
    RUNNING(1),
    BLOCKED(2),
    PAUSED(3),
    SHUTDOWN(4),
    SHUTOFF(5),
    CRASHED(6),
    PMSUSPENDED(7);

    private final int number;

    DomainState(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    /** The state with libvirt's number; an unknown number is {@link #NOSTATE}. */
    public static DomainState of(int number) {
        for (DomainState state : values()) {
            if (state.number == number) {
                return state;
            }
        }
        return NOSTATE;
    }

    /** libvirt counts every state but shut off (and no state) as active. */
    public boolean isActive() {
        return this != SHUTOFF && this != NOSTATE;
    }
}
