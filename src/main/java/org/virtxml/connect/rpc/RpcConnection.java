package org.virtxml.connect.rpc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.virtxml.connect.CallTimeoutException;
import org.virtxml.connect.ConnectionLostException;
import org.virtxml.connect.ConnectorException;
import org.virtxml.connect.ProtocolViolationException;
import org.virtxml.connect.xdr.XdrDecoder;
import org.virtxml.connect.xdr.XdrEncoder;

/**
 * One libvirt RPC connection over a blocking byte channel. Any number of threads may {@link #call}
 * at once: each call gets a serial, and one reader thread (named {@value #THREAD_PREFIX}...) hands
 * each reply to the call with its serial. The reader answers the daemon's keepalive PINGs with PONGs.
 * When the connection ends (peer closed it, bytes that are not the protocol, {@link #close()}),
 * every pending call and every later call fails with a clear exception.
 */
public final class RpcConnection implements AutoCloseable {
    /** Prefix of the reader thread's name; no such thread outlives {@link #close()}. */
    public static final String THREAD_PREFIX = "virtxml-rpc-";

    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(5);

    private final ByteChannel channel;
    private final String peer;
    private final Duration defaultTimeout;
    private final Thread reader;
    private final Object writeLock = new Object();
    private final AtomicInteger serials = new AtomicInteger();
    private final Map<Integer, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicLong pingsAnswered = new AtomicLong();
    private volatile ConnectorException failure;

    private record Pending(Procedure procedure, CompletableFuture<Message> reply) {
    }

    private RpcConnection(ByteChannel channel, String peer, Duration defaultTimeout) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.peer = Objects.requireNonNull(peer, "peer");
        this.defaultTimeout = Objects.requireNonNull(defaultTimeout, "defaultTimeout");
        this.reader = new Thread(this::readLoop, THREAD_PREFIX + peer);
        this.reader.setDaemon(true);
    }

    /** Starts the reader thread on a connected blocking channel; {@code peer} names it in messages. */
    public static RpcConnection start(ByteChannel channel, String peer, Duration defaultTimeout) {
        RpcConnection connection = new RpcConnection(channel, peer, defaultTimeout);
        connection.reader.start();
        return connection;
    }

    public String peer() {
        return peer;
    }

    public boolean isOpen() {
        return failure == null;
    }

    /** How many keepalive PINGs the reader answered. */
    public long pingsAnswered() {
        return pingsAnswered.get();
    }

    public XdrDecoder call(Procedure procedure, Consumer<XdrEncoder> arguments) {
        return call(procedure, arguments, defaultTimeout);
    }

    /**
     * Sends a CALL and waits for its REPLY; returns a decoder positioned on the reply's payload.
     *
     * @throws org.virtxml.connect.LibvirtException when libvirt answers with an error
     * @throws CallTimeoutException when no reply comes within {@code timeout}
     * @throws ConnectionLostException when the connection ends first, or had ended
     * @throws ProtocolViolationException when the peer's bytes are not libvirt's protocol
     */
    public XdrDecoder call(Procedure procedure, Consumer<XdrEncoder> arguments, Duration timeout) {
        throwIfEnded(procedure);
        XdrEncoder payload = new XdrEncoder();
        arguments.accept(payload);
        int serial = serials.incrementAndGet();
        byte[] frame = Frames.encode(MessageHeader.call(procedure, serial), payload.toByteArray());
        CompletableFuture<Message> reply = new CompletableFuture<>();
        pending.put(serial, new Pending(procedure, reply));
        if (failure != null) { // ended between the check and the registration
            pending.remove(serial);
            throwIfEnded(procedure);
        }
        try {
            write(frame);
        } catch (IOException e) {
            pending.remove(serial);
            end(new ConnectionLostException("connection to " + peer + " lost: " + e.getMessage(), e));
            throw new ConnectionLostException(procedure.label() + " could not be sent: connection to " + peer + " lost ("
                    + e.getMessage() + ")", e);
        }
        return awaitReply(procedure, serial, reply, timeout);
    }

    private XdrDecoder awaitReply(Procedure procedure, int serial, CompletableFuture<Message> reply, Duration timeout) {
        Message message;
        try {
            message = reply.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            pending.remove(serial);
            throw new CallTimeoutException(procedure.label() + " got no reply from " + peer + " within " + timeout.toMillis()
                    + " ms", timeout);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ConnectorException cause) {
                throw cause;
            }
            throw new ConnectorException(procedure.label() + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            pending.remove(serial);
            Thread.currentThread().interrupt();
            throw new ConnectorException("interrupted while waiting for the reply to " + procedure.label());
        }
        MessageHeader header = message.header();
        if (!header.isFor(procedure)) {
            throw new ProtocolViolationException("reply with serial " + serial + " names procedure " + header.procedure()
                    + " of program " + Integer.toHexString(header.program()) + ", not " + procedure.label());
        }
        if (header.status() == MessageStatus.ERROR) {
            throw RemoteErrors.decode(message.payloadDecoder());
        }
        if (header.status() != MessageStatus.OK) {
            throw new ProtocolViolationException("reply to " + procedure.label() + " has status " + header.status());
        }
        return message.payloadDecoder();
    }

    private void throwIfEnded(Procedure procedure) {
        ConnectorException ended = failure;
        if (ended != null) {
            throw new ConnectionLostException(procedure.label() + " not sent: the connection to " + peer
                    + " has ended (" + ended.getMessage() + ")", ended);
        }
    }

    private void write(byte[] frame) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(frame);
        synchronized (writeLock) {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
    }

    private void readLoop() {
        ByteBuffer lengthWord = ByteBuffer.allocate(Frames.LENGTH_WORD);
        try {
            while (true) {
                lengthWord.clear();
                if (!readFully(lengthWord)) {
                    end(new ConnectionLostException(peer + " closed the connection"));
                    return;
                }
                ByteBuffer body = ByteBuffer.allocate(Frames.bodyLength(lengthWord.getInt(0)));
                if (!readFully(body)) {
                    end(new ConnectionLostException(peer + " closed the connection in the middle of a message"));
                    return;
                }
                dispatch(Frames.decodeBody(body.array()));
            }
        } catch (ProtocolViolationException e) {
            end(new ProtocolViolationException("garbage from " + peer + ": " + e.getMessage(), e));
        } catch (IOException e) {
            end(new ConnectionLostException(closing.get() ? "connection to " + peer + " was closed by this client"
                    : "connection to " + peer + " lost: " + e.getMessage(), e));
        } catch (RuntimeException e) {
            end(new ProtocolViolationException("unreadable message from " + peer + ": " + e, e));
        } finally {
            closeChannel();
        }
    }

    private boolean readFully(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                return false;
            }
        }
        return true;
    }

    private void dispatch(Message message) throws IOException {
        MessageHeader header = message.header();
        if (header.program() == KeepaliveProcedure.PROGRAM) {
            if (header.procedure() == KeepaliveProcedure.PING.number() && header.type() == MessageType.MESSAGE) {
                write(Frames.encode(new MessageHeader(KeepaliveProcedure.PROGRAM, KeepaliveProcedure.VERSION,
                        KeepaliveProcedure.PONG.number(), MessageType.MESSAGE, 0, MessageStatus.OK), new byte[0]));
                pingsAnswered.incrementAndGet();
            }
            return;
        }
        if (header.type() == MessageType.REPLY) {
            Pending call = pending.remove(header.serial());
            if (call != null) {
                call.reply().complete(message);
            }
        } else if (header.type() == MessageType.REPLY_WITH_FDS) {
            Pending call = pending.remove(header.serial());
            if (call != null) {
                call.reply().completeExceptionally(new ProtocolViolationException("the reply to " + call.procedure().label()
                        + " passes file descriptors, which this client does not accept"));
            }
        }
        // MESSAGE (events) and STREAM data are not subscribed to by this client: dropped.
    }

    /** Records why the connection ended (first reason wins) and fails every pending call with it. */
    private void end(ConnectorException reason) {
        synchronized (pending) {
            if (failure == null) {
                failure = reason;
            }
        }
        ConnectorException ended = failure;
        for (Integer serial : pending.keySet()) {
            Pending call = pending.remove(serial);
            if (call != null) {
                String message = call.procedure().label() + " failed: " + ended.getMessage();
                call.reply().completeExceptionally(ended instanceof ProtocolViolationException
                        ? new ProtocolViolationException(message, ended)
                        : new ConnectionLostException(message, ended));
            }
        }
    }

    private void closeChannel() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing is all that is left to do
        }
    }

    /** Fails pending calls, closes the channel and waits for the reader thread to end. Idempotent. */
    @Override
    public void close() {
        if (closing.compareAndSet(false, true)) {
            end(new ConnectionLostException("connection to " + peer + " was closed by this client"));
            closeChannel();
        }
        if (Thread.currentThread() != reader) {
            try {
                reader.join(JOIN_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
