package org.virtxml.connect.rpc;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.virtxml.connect.xdr.XdrEncoder;

/**
 * A scripted stand-in for libvirtd on a UNIX socket in a temporary directory: it accepts one
 * connection and runs a script against it, so tests can make the daemon misbehave on purpose.
 */
public final class FakeDaemon implements AutoCloseable {
    public interface Script {
        void run(Peer peer) throws Exception;
    }

    private final Path directory;
    private final Path socket;
    private final ServerSocketChannel server;
    private final Thread thread;
    private volatile Throwable failure;
    private volatile Peer peer;

    private FakeDaemon(Script script, boolean tcp) throws IOException {
        directory = Files.createTempDirectory("virtxml-fake-daemon");
        socket = directory.resolve("libvirt-sock");
        if (tcp) {
            server = ServerSocketChannel.open();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } else {
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
        }
        thread = new Thread(
                () -> {
                    try (SocketChannel channel = server.accept()) {
                        peer = new Peer(channel);
                        script.run(peer);
                    } catch (Throwable e) {
                        failure = e;
                    }
                },
                "fake-daemon");
        thread.setDaemon(true);
        thread.start();
    }

    public static FakeDaemon start(Script script) throws IOException {
        return new FakeDaemon(script, false);
    }

    /** The same on a loopback TCP port instead of a UNIX socket. */
    public static FakeDaemon startTcp(Script script) throws IOException {
        return new FakeDaemon(script, true);
    }

    /** The TCP port, for a daemon from {@link #startTcp}. */
    public int port() throws IOException {
        return ((InetSocketAddress) server.getLocalAddress()).getPort();
    }

    public Path socket() {
        return socket;
    }

    public SocketChannel connect() throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(socket));
        return channel;
    }

    /** Waits for the script to finish and rethrows what it threw (its assertions). */
    public void awaitScript(Duration timeout) throws Exception {
        thread.join(timeout.toMillis());
        if (thread.isAlive()) {
            throw new AssertionError("fake daemon script still running after " + timeout);
        }
        if (failure instanceof Exception e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        Peer current = peer;
        if (current != null) {
            current.close();
        }
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Files.deleteIfExists(socket);
        Files.deleteIfExists(directory);
    }

    /** The daemon's end of the connection. */
    public static final class Peer {
        private final SocketChannel channel;

        Peer(SocketChannel channel) {
            this.channel = channel;
        }

        public Message read() throws IOException {
            ByteBuffer length = ByteBuffer.allocate(4);
            readFully(length);
            ByteBuffer body = ByteBuffer.allocate(Frames.bodyLength(length.getInt(0)));
            readFully(body);
            return Frames.decodeBody(body.array());
        }

        public void reply(Message call, byte[] payload) throws IOException {
            MessageHeader h = call.header();
            send(
                    new MessageHeader(
                            h.program(), h.version(), h.procedure(), MessageType.REPLY, h.serial(), MessageStatus.OK),
                    payload);
        }

        public void replyError(Message call, int code, int domain, String message) throws IOException {
            MessageHeader h = call.header();
            byte[] error = new XdrEncoder()
                    .writeInt(code)
                    .writeInt(domain)
                    .writeOptional(Optional.of(message), (o, s) -> o.writeString(s, Frames.STRING_MAX))
                    .writeInt(2)
                    .writeBoolean(false)
                    .writeBoolean(false)
                    .writeBoolean(false)
                    .writeBoolean(false)
                    .writeInt(0)
                    .writeInt(0)
                    .writeBoolean(false)
                    .toByteArray();
            send(
                    new MessageHeader(
                            h.program(),
                            h.version(),
                            h.procedure(),
                            MessageType.REPLY,
                            h.serial(),
                            MessageStatus.ERROR),
                    error);
        }

        public void send(MessageHeader header, byte[] payload) throws IOException {
            sendRaw(Frames.encode(header, payload));
        }

        public void sendRaw(byte[] bytes) throws IOException {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }

        /** Answers libvirt's connection set-up: AUTH_LIST with {@code authTypes}, CONNECT_OPEN, the keepalive feature. */
        public String answerHandshake(int... authTypes) throws IOException {
            Message authList = read();
            expect(authList, RemoteProcedure.AUTH_LIST);
            XdrEncoder types = new XdrEncoder().writeInt(authTypes.length);
            for (int type : authTypes) {
                types.writeInt(type);
            }
            reply(authList, types.toByteArray());
            Message open = read();
            expect(open, RemoteProcedure.CONNECT_OPEN);
            String uri = open.payloadDecoder()
                    .readOptional(d -> d.readString(Frames.STRING_MAX))
                    .orElse(null);
            reply(open, new byte[0]);
            Message feature = read();
            expect(feature, RemoteProcedure.CONNECT_SUPPORTS_FEATURE);
            reply(feature, new XdrEncoder().writeInt(1).toByteArray());
            return uri;
        }

        public static void expect(Message message, Procedure procedure) {
            if (!message.header().isFor(procedure) || message.header().type() != MessageType.CALL) {
                throw new AssertionError("expected a call of " + procedure.label() + ", got " + message.header());
            }
        }

        /** Blocks until the client hangs up (reading and dropping whatever it still sends). */
        public void awaitHangUp() {
            try {
                while (true) {
                    read();
                }
            } catch (IOException | RuntimeException hungUp) {
                // the client closed its end
            }
        }

        public void close() {
            try {
                channel.close();
            } catch (IOException ignored) {
                // test clean-up
            }
        }

        private void readFully(ByteBuffer buffer) throws IOException {
            while (buffer.hasRemaining()) {
                if (channel.read(buffer) < 0) {
                    throw new IOException("client closed the connection");
                }
            }
        }
    }
}
