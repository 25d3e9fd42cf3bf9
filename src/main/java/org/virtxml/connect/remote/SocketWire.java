package org.virtxml.connect.remote;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import org.virtxml.connect.rpc.Wire;

/** A {@link Wire} over streams layered on a socket (TLS): aborting closes the socket underneath, which never waits. */
final class SocketWire implements Wire {
    private final Socket socket;
    private final InputStream input;
    private final OutputStream output;

    SocketWire(Socket socket, InputStream input, OutputStream output) {
        this.socket = socket;
        this.input = input;
        this.output = output;
    }

    @Override
    public InputStream input() {
        return input;
    }

    @Override
    public OutputStream output() {
        return output;
    }

    @Override
    public void abort() {
        try {
            socket.close(); // the plain socket: no TLS close_notify, which could block behind a stalled writer
        } catch (IOException ignored) {
            // closing is all that is left to do
        }
    }
}
