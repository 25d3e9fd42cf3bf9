package org.virtxml.connect.rpc;

/** virkeepaliveprotocol.x: the daemon's PING, answered with PONG, both as MESSAGE with no payload. */
public enum KeepaliveProcedure implements Procedure {
    PING(1),
    PONG(2);

    /** KEEPALIVE_PROGRAM ("keep"). */
    public static final int PROGRAM = 0x6b656570;

    public static final int VERSION = 1;

    private final int number;

    KeepaliveProcedure(int number) {
        this.number = number;
    }

    @Override
    public int program() {
        return PROGRAM;
    }

    @Override
    public int version() {
        return VERSION;
    }

    @Override
    public int number() {
        return number;
    }

    @Override
    public String label() {
        return "KEEPALIVE_PROC_" + name();
    }
}
