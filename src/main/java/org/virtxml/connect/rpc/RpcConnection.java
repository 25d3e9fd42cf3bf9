package org.virtxml.connect.rpc;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.ByteChannel;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.virtxml.connect.CallTimeoutException;
import org.virtxml.connect.ConnectionLostException;
import org.virtxml.connect.ConnectorException;
import org.virtxml.connect.ProtocolViolationException;
import org.virtxml.connect.xdr.XdrDecoder;
import org.virtxml.connect.xdr.XdrEncoder;

/**
 * One libvirt RPC connection over a {@link Wire}. Any number of threads may {@link #call} at once:
 * each call gets a serial, and one reader thread (named {@value #THREAD_PREFIX}...) hands each reply
 * to the call with its serial. The reader answers the daemon's keepalive PINGs with PONGs and hands
 * the daemon's event messages to the handler given at {@link #start(Wire, String, Duration, Consumer)}.
 * <p>
 * Nothing waits without bound. A call's timeout covers sending and the reply: a daemon that stops
 * reading cannot keep a writer (and the writers queued behind it) past its deadline; the stalled
 * connection is then aborted, since half a message cannot be taken back. {@link #close()} never waits
 * on a writer. A reply that answers no call of this client, or a stream packet (this client opens no
 * stream), is a protocol error: it ends the connection and fails the pending calls at once.
 * When the connection ends (peer closed it, bytes that are not the protocol, {@link #close()}),
 * every pending call and every later call fails with a clear exception.
 */
public final class RpcConnection implements AutoCloseable {
    /** Prefix of the reader thread's name; no such thread outlives {@link #close()}. */
    public static final String THREAD_PREFIX = "virtxml-rpc-";

    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(5);
    /** How many timed-out calls' late replies are remembered (and dropped) at most. */
    private static final int ABANDONED_MAX = 1024;

    private final Wire wire;
    private final String peer;
    private final Duration defaultTimeout;
    private final Consumer<Message> events;
    private final Thread reader;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final AtomicInteger serials = new AtomicInteger();
    private final Map<Integer, Pending> pending = new ConcurrentHashMap<>();
    private final Set<Integer> abandoned = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicLong pingsAnswered = new AtomicLong();
    private volatile ConnectorException failure;

    private record Pending(Procedure procedure, CompletableFuture<Message> reply) {}

    private RpcConnection(Wire wire, String peer, Duration defaultTimeout, Consumer<Message> events) {
        this.wire = Objects.requireNonNull(wire, "wire");
        this.peer = Objects.requireNonNull(peer, "peer");
        this.defaultTimeout = Objects.requireNonNull(defaultTimeout, "defaultTimeout");
        this.events = Objects.requireNonNull(events, "events");
        this.reader = new Thread(this::readLoop, THREAD_PREFIX + peer);
        this.reader.setDaemon(true);
    }

    /** Starts the reader thread on a connected blocking channel; {@code peer} names it in messages. */
    public static RpcConnection start(ByteChannel channel, String peer, Duration defaultTimeout) {
        return start(new ChannelWire(channel), peer, defaultTimeout, message -> {});
    }

    /**
     * Starts the reader thread on a connected wire. {@code events} receives, on the reader thread, every
     * MESSAGE the daemon sends that is not a keepalive: it must return quickly and must not call this
     * connection (the reply it would wait for is read by the thread it blocks).
     */
    public static RpcConnection start(Wire wire, String peer, Duration defaultTimeout, Consumer<Message> events) {
        RpcConnection connection = new RpcConnection(wire, peer, defaultTimeout, events);
        connection.reader.start();
        return connection;
    }

    public String peer() {
        return peer;
    }

    public boolean isOpen() {
        return failure == null;
    }

    /** The timeout of {@link #call(Procedure, Consumer)}. */
    public Duration defaultTimeout() {
        return defaultTimeout;
    }

    /** Whether a message is being sent right now (a writer holds the wire). For diagnostics and tests. */
    boolean sending() {
        return writeLock.isLocked();
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
     * {@code timeout} bounds the whole call: waiting to send, sending, and waiting for the reply.
     *
     * @throws org.virtxml.connect.LibvirtException when libvirt answers with an error
     * @throws CallTimeoutException when the call cannot be sent, or gets no reply, within {@code timeout}
     * @throws ConnectionLostException when the connection ends first, or had ended
     * @throws ProtocolViolationException when the peer's bytes are not libvirt's protocol
     */
    public XdrDecoder call(Procedure procedure, Consumer<XdrEncoder> arguments, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
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
            send(frame, procedure.label(), deadline, timeout);
        } catch (CallTimeoutException e) {
            pending.remove(serial);
            throw e;
        } catch (IOException e) {
            pending.remove(serial);
            ConnectorException ended = failure; // the reader may have seen why first (e.g. the peer hung up)
            String why = ended != null
                    ? ended.getMessage()
                    : "connection to " + peer + " lost (" + e.getMessage() + ")" + wire.diagnostics();
            end(new ConnectionLostException(why, e));
            throw new ConnectionLostException(procedure.label() + " could not be sent: " + why, e);
        }
        return awaitReply(procedure, serial, reply, deadline, timeout);
    }

    private XdrDecoder awaitReply(
            Procedure procedure, int serial, CompletableFuture<Message> reply, long deadline, Duration timeout) {
        Message message;
        try {
            message = reply.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            if (pending.remove(serial) != null) {
                abandon(serial);
            }
            throw new CallTimeoutException(
                    procedure.label() + " got no reply from " + peer + " within " + timeout.toMillis() + " ms",
                    timeout);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ConnectorException cause) {
                throw cause;
            }
            throw new ConnectorException(procedure.label() + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            if (pending.remove(serial) != null) {
                abandon(serial);
            }
            Thread.currentThread().interrupt();
            throw new ConnectorException("interrupted while waiting for the reply to " + procedure.label());
        }
        MessageHeader header = message.header();
        if (!header.isFor(procedure)) {
            throw new ProtocolViolationException(
                    "reply with serial " + serial + " names procedure " + header.procedure() + " of program "
                            + Integer.toHexString(header.program()) + ", not " + procedure.label());
        }
        if (header.status() == MessageStatus.ERROR) {
            throw RemoteErrors.decode(message.payloadDecoder());
        }
        if (header.status() != MessageStatus.OK) {
            throw new ProtocolViolationException("reply to " + procedure.label() + " has status " + header.status());
        }
        return message.payloadDecoder();
    }

    /** A call that timed out: its reply, if it still comes, is dropped rather than taken for a protocol error. */
    private void abandon(int serial) {
        if (abandoned.size() < ABANDONED_MAX) {
            abandoned.add(serial);
        }
    }

    private void throwIfEnded(Procedure procedure) {
        ConnectorException ended = failure;
        if (ended != null) {
            throw new ConnectionLostException(
                    procedure.label() + " not sent: the connection to " + peer + " has ended (" + ended.getMessage()
                            + ")",
                    ended);
        }
    }

    /**
     * Writes one whole message before {@code deadline}. Waiting for an earlier writer is bounded too.
     * When the write itself does not finish in time (the daemon stopped reading), the connection is
     * aborted, which wakes the blocked write.
     */
    private void send(byte[] frame, String what, long deadline, Duration timeout) throws IOException {
        boolean locked;
        try {
            locked = writeLock.tryLock(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException("interrupted while waiting to send " + what);
        }
        if (!locked) {
            throw new CallTimeoutException(
                    what + " could not be sent to " + peer + " within " + timeout.toMillis()
                            + " ms: an earlier message is still being sent (" + peer + " does not read)",
                    timeout);
        }
        AtomicBoolean stalled = new AtomicBoolean();
        CompletableFuture<Void> sending = new CompletableFuture<>();
        try {
            sending.orTimeout(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)
                    .exceptionally(timedOut -> {
                        stalled.set(true);
                        end(new ConnectionLostException(
                                "connection to " + peer + " aborted: sending " + what + " did not finish within "
                                        + timeout.toMillis() + " ms (" + peer + " stopped reading)"));
                        wire.abort();
                        return null;
                    });
            OutputStream output = wire.output();
            output.write(frame);
            output.flush();
        } catch (IOException e) {
            if (stalled.get()) {
                throw new CallTimeoutException(
                        what + " could not be sent to " + peer + " within " + timeout.toMillis() + " ms (" + peer
                                + " stopped reading); the connection is closed",
                        timeout);
            }
            throw e;
        } finally {
            sending.complete(null);
            writeLock.unlock();
        }
    }

    private void readLoop() {
        byte[] lengthWord = new byte[Frames.LENGTH_WORD];
        try {
            InputStream input = wire.input();
            while (true) {
                if (!readFully(input, lengthWord)) {
                    end(new ConnectionLostException(peer + " closed the connection" + wire.diagnostics()));
                    return;
                }
                int length = ((lengthWord[0] & 0xFF) << 24)
                        | ((lengthWord[1] & 0xFF) << 16)
                        | ((lengthWord[2] & 0xFF) << 8)
                        | (lengthWord[3] & 0xFF);
                byte[] body = new byte[Frames.bodyLength(length)];
                if (!readFully(input, body)) {
                    end(new ConnectionLostException(
                            peer + " closed the connection in the middle of a message" + wire.diagnostics()));
                    return;
                }
                if (!dispatch(Frames.decodeBody(body))) {
                    return;
                }
            }
        } catch (ProtocolViolationException e) {
            end(new ProtocolViolationException("garbage from " + peer + ": " + e.getMessage(), e));
        } catch (CallTimeoutException e) {
            end(new ConnectionLostException("connection to " + peer + " aborted: " + e.getMessage(), e));
        } catch (IOException e) {
            end(new ConnectionLostException(
                    closing.get()
                            ? "connection to " + peer + " was closed by this client"
                            : "connection to " + peer + " lost: " + e.getMessage(),
                    e));
        } catch (RuntimeException e) {
            end(new ProtocolViolationException("unreadable message from " + peer + ": " + e, e));
        } finally {
            wire.abort();
        }
    }

    private static boolean readFully(InputStream input, byte[] buffer) throws IOException {
        int offset = 0;
        while (offset < buffer.length) {
            int n = input.read(buffer, offset, buffer.length - offset);
            if (n < 0) {
                return false;
            }
            offset += n;
        }
        return true;
    }

    /** Handles one message from the daemon; false when it ended the connection. */
    private boolean dispatch(Message message) throws IOException {
        MessageHeader header = message.header();
        if (header.program() == KeepaliveProcedure.PROGRAM) {
            if (header.procedure() == KeepaliveProcedure.PING.number() && header.type() == MessageType.MESSAGE) {
                send(
                        Frames.encode(
                                new MessageHeader(
                                        KeepaliveProcedure.PROGRAM,
                                        KeepaliveProcedure.VERSION,
                                        KeepaliveProcedure.PONG.number(),
                                        MessageType.MESSAGE,
                                        0,
                                        MessageStatus.OK),
                                new byte[0]),
                        KeepaliveProcedure.PONG.label(),
                        System.nanoTime() + defaultTimeout.toNanos(),
                        defaultTimeout);
                pingsAnswered.incrementAndGet();
            }
            return true;
        }
        switch (header.type()) {
            case REPLY -> {
                Pending call = pending.remove(header.serial());
                if (call != null) {
                    call.reply().complete(message);
                } else if (!abandoned.remove(header.serial())) {
                    return protocolError("a reply with serial " + header.serial() + " (procedure " + header.procedure()
                            + ") that answers no call of this client");
                }
            }
            case REPLY_WITH_FDS -> {
                Pending call = pending.remove(header.serial());
                if (call != null) {
                    call.reply()
                            .completeExceptionally(new ProtocolViolationException(
                                    "the reply to " + call.procedure().label()
                                            + " passes file descriptors, which this client does not accept"));
                } else if (!abandoned.remove(header.serial())) {
                    return protocolError("a reply with file descriptors and serial " + header.serial()
                            + " that answers no call of this client");
                }
            }
            case STREAM, STREAM_HOLE -> {
                return protocolError("a stream packet (serial " + header.serial() + ", procedure " + header.procedure()
                        + "), but this client opened no stream");
            }
            case MESSAGE -> events.accept(message);
            default -> {
                return protocolError("a " + header.type() + " message (procedure " + header.procedure()
                        + "), which a daemon does not send to a client");
            }
        }
        return true;
    }

    private boolean protocolError(String what) {
        end(new ProtocolViolationException("protocol error: " + peer + " sent " + what + "; connection closed"));
        return false;
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
                call.reply()
                        .completeExceptionally(
                                ended instanceof ProtocolViolationException
                                        ? new ProtocolViolationException(message, ended)
                                        : new ConnectionLostException(message, ended));
            }
        }
    }

    /**
     * Fails pending calls, aborts the wire and waits (boundedly) for the reader thread to end. Never
     * waits for a writer: a write blocked on a daemon that does not read fails when the wire is aborted.
     * Idempotent.
     */
    @Override
    public void close() {
        if (closing.compareAndSet(false, true)) {
            end(new ConnectionLostException("connection to " + peer + " was closed by this client"));
            wire.abort();
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
