package org.virtxml.connect.rpc;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The byte stream one RPC connection runs over (libvirt's virNetSocket): a UNIX or TCP socket, a TLS
 * session, or the pipes of an ssh process. One thread reads while others write.
 */
public interface Wire {
    /** Bytes from the daemon; a read blocks until some arrive, and returns -1 once the daemon hung up. */
    InputStream input() throws IOException;

    /** Bytes to the daemon; a write may block while the daemon does not read. */
    OutputStream output() throws IOException;

    /**
     * Ends the connection at once: any thread blocked reading or writing gets an exception. Never blocks
     * (no lock a blocked writer may hold, no goodbye message that could itself block); idempotent.
     */
    void abort();

    /**
     * What the far side said about a failure, for error messages (e.g. the stderr of an ssh process),
     * starting with a space; empty when there is nothing to add. May wait briefly, never long.
     */
    default String diagnostics() {
        return "";
    }
}
