package org.virtxml.connect.rpc;

/** One procedure of one RPC program: what a message header names. */
public interface Procedure {
    int program();

    int version();

    int number();

    /** A readable name for messages, e.g. REMOTE_PROC_CONNECT_OPEN. */
    String label();
}
