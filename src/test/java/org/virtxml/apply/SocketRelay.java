package org.virtxml.apply;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A UNIX socket in front of the real daemon's that passes libvirt RPC both ways and hangs up on
 * the client when it sends the {@code nth} call of one procedure (that call never reaches the
 * daemon): a connection that drops in the middle of an apply. One client.
 */
final class SocketRelay implements AutoCloseable {
    private final Path socket;
    private final ServerSocketChannel server;
    private final Thread acceptor;

    private SocketRelay(Path socket, ServerSocketChannel server, Thread acceptor) {
        this.socket = socket;
        this.server = server;
        this.acceptor = acceptor;
    }

    static SocketRelay start(Path dir, Path upstream, int procedure, int nth) throws IOException {
        Path socket = dir.resolve("relay.sock");
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Thread acceptor = new Thread(() -> relay(server, upstream, procedure, nth), "virtxml-test-relay");
        acceptor.setDaemon(true);
        acceptor.start();
        return new SocketRelay(socket, server, acceptor);
    }

    Path socket() {
        return socket;
    }

    private static void relay(ServerSocketChannel server, Path upstream, int procedure, int nth) {
        try (SocketChannel client = server.accept();
                SocketChannel daemon = SocketChannel.open(UnixDomainSocketAddress.of(upstream))) {
            Thread back = new Thread(() -> copy(daemon, client), "virtxml-test-relay-back");
            back.setDaemon(true);
            back.start();
            AtomicInteger seen = new AtomicInteger();
            ByteBuffer length = ByteBuffer.allocate(4);
            while (true) {
                length.clear();
                if (!readFully(client, length)) {
                    return;
                }
                ByteBuffer frame = ByteBuffer.allocate(length.getInt(0) - 4);
                if (!readFully(client, frame)) {
                    return;
                }
                if (frame.getInt(8) == procedure && seen.incrementAndGet() == nth) {
                    return; // both sockets close: the call is lost with the connection
                }
                length.flip();
                frame.flip();
                daemon.write(new ByteBuffer[] {length, frame});
            }
        } catch (IOException e) {
            // the relay ends with either side
        }
    }

    private static boolean readFully(SocketChannel in, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (in.read(buffer) < 0) {
                return false;
            }
        }
        return true;
    }

    private static void copy(SocketChannel from, SocketChannel to) {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        try {
            while (from.read(buffer) >= 0) {
                buffer.flip();
                while (buffer.hasRemaining()) {
                    to.write(buffer);
                }
                buffer.clear();
            }
        } catch (IOException e) {
            // the relay ends with either side
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        acceptor.interrupt();
        Files.deleteIfExists(socket);
    }
}
