package org.virtxml.connect.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.virtxml.connect.CallTimeoutException;
import org.virtxml.connect.ConnectionLostException;
import org.virtxml.connect.ProtocolViolationException;
import org.virtxml.connect.xdr.XdrEncoder;

/**
 * A daemon that misbehaves: it stops reading, floods keepalive PINGs, answers a call nobody made,
 * or sends stream data nobody asked for. Every call ends within its timeout, with the right exception,
 * and close() returns.
 */
@Timeout(60)
class RpcConnectionBoundsTest {
    private static final TestProcedure ECHO = new TestProcedure(1);
    private static final Duration CALL = Duration.ofMillis(600);
    /** Far above CALL; a hang (the defect) would blow it, scheduling noise on a loaded machine would not. */
    private static final Duration BOUND = Duration.ofSeconds(8);
    /** Larger than any socket buffer: sending it needs the daemon to read. */
    private static final int BIG = 16 * 1024 * 1024;

    private final CountDownLatch testDone = new CountDownLatch(1);

    @AfterEach
    void noReaderThreadOutlivesItsConnection() {
        testDone.countDown();
        assertThat(RpcConnectionTest.rpcThreads())
                .as("RPC reader threads left after the test")
                .isEmpty();
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Test
    void aDaemonThatStopsReadingTimesTheSendOutAndCloseReturns() throws Exception {
        try (FakeDaemon daemon = FakeDaemon.start(peer -> testDone.await(30, TimeUnit.SECONDS))) {
            RpcConnection rpc = RpcConnection.start(daemon.connect(), "fake", Duration.ofSeconds(30));
            long start = System.nanoTime();
            assertThatThrownBy(() -> rpc.call(ECHO, out -> out.writeOpaque(new byte[BIG], BIG), CALL))
                    .isInstanceOf(CallTimeoutException.class)
                    .hasMessageContaining("TEST_PROC_1 could not be sent to fake within 600 ms")
                    .hasMessageContaining("stopped reading");
            assertThat(since(start)).isLessThan(BOUND);
            assertThat(rpc.isOpen())
                    .as("half a message cannot be taken back: the connection is aborted")
                    .isFalse();
            assertThatThrownBy(() -> rpc.call(ECHO, out -> {}, CALL))
                    .isInstanceOf(ConnectionLostException.class)
                    .hasMessageContaining("did not finish within 600 ms");
            long closing = System.nanoTime();
            rpc.close();
            assertThat(since(closing)).isLessThan(BOUND);
            testDone.countDown();
        }
    }

    @Test
    void aSecondCallQueuedBehindAStalledSendAlsoEndsInTime() throws Exception {
        try (FakeDaemon daemon = FakeDaemon.start(peer -> testDone.await(30, TimeUnit.SECONDS))) {
            RpcConnection rpc = RpcConnection.start(daemon.connect(), "fake", Duration.ofSeconds(30));
            Thread big = new Thread(() -> {
                try {
                    rpc.call(ECHO, out -> out.writeOpaque(new byte[BIG], BIG), Duration.ofSeconds(4));
                } catch (RuntimeException expected) {
                    // times out; this test is about the call behind it
                }
            });
            big.start();
            long waiting = System.nanoTime();
            while (!rpc.sending() && since(waiting).compareTo(BOUND) < 0) {
                Thread.sleep(20); // until the big call holds the writer's place
            }
            assertThat(rpc.sending()).as("the big call is being sent").isTrue();
            long start = System.nanoTime();
            assertThatThrownBy(() -> rpc.call(ECHO, out -> out.writeInt(1), CALL))
                    .isInstanceOf(CallTimeoutException.class)
                    .hasMessageContaining("TEST_PROC_1 could not be sent to fake within 600 ms");
            assertThat(since(start)).isLessThan(BOUND);
            long closing = System.nanoTime();
            rpc.close(); // the big call still holds the writer: close must not wait for it
            assertThat(since(closing)).isLessThan(BOUND);
            big.join(BOUND.toMillis());
            assertThat(big.isAlive()).isFalse();
            testDone.countDown();
        }
    }

    @Test
    void aDaemonFloodingPingsWithoutReadingCannotHangACallOrClose() throws Exception {
        try (FakeDaemon daemon = FakeDaemon.start(peer -> {
            MessageHeader ping = new MessageHeader(
                    KeepaliveProcedure.PROGRAM,
                    1,
                    KeepaliveProcedure.PING.number(),
                    MessageType.MESSAGE,
                    0,
                    MessageStatus.OK);
            try {
                while (testDone.getCount() > 0) {
                    peer.send(ping, new byte[0]);
                }
            } catch (IOException clientGone) {
                // the client aborted the connection
            }
        })) {
            RpcConnection rpc = RpcConnection.start(daemon.connect(), "fake", CALL);
            Thread.sleep(300); // the flood fills the socket buffers both ways
            long start = System.nanoTime();
            assertThatThrownBy(() -> rpc.call(ECHO, out -> out.writeOpaque(new byte[BIG], BIG), CALL))
                    .isInstanceOfAny(CallTimeoutException.class, ConnectionLostException.class)
                    .hasMessageContaining("fake");
            assertThat(since(start)).isLessThan(BOUND);
            assertThat(rpc.pingsAnswered())
                    .as("the reader did answer PINGs until the daemon stopped reading")
                    .isPositive();
            long closing = System.nanoTime();
            rpc.close();
            assertThat(since(closing)).isLessThan(BOUND);
            testDone.countDown();
        }
    }

    @Test
    void aReplyWithAnUnknownSerialFailsThePendingCallAtOnce() throws Exception {
        try (FakeDaemon daemon = FakeDaemon.start(peer -> {
                    Message call = peer.read();
                    MessageHeader h = call.header();
                    peer.send(
                            new MessageHeader(
                                    h.program(),
                                    h.version(),
                                    h.procedure(),
                                    MessageType.REPLY,
                                    h.serial() + 100,
                                    MessageStatus.OK),
                            new XdrEncoder().writeInt(1).toByteArray());
                    peer.awaitHangUp();
                });
                RpcConnection rpc = RpcConnection.start(daemon.connect(), "fake", Duration.ofSeconds(30))) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> rpc.call(ECHO, out -> out.writeInt(1)))
                    .isInstanceOf(ProtocolViolationException.class)
                    .hasMessageContaining("TEST_PROC_1 failed: protocol error: fake sent a reply with serial 101")
                    .hasMessageContaining("answers no call of this client");
            assertThat(since(start)).isLessThan(BOUND);
            assertThat(rpc.isOpen()).isFalse();
        }
    }

    @Test
    void anUnexpectedStreamPacketFailsThePendingCallAtOnce() throws Exception {
        try (FakeDaemon daemon = FakeDaemon.start(peer -> {
                    Message call = peer.read();
                    MessageHeader h = call.header();
                    peer.send(
                            new MessageHeader(
                                    h.program(),
                                    h.version(),
                                    h.procedure(),
                                    MessageType.STREAM,
                                    h.serial(),
                                    MessageStatus.CONTINUE),
                            new byte[] {1, 2, 3, 4});
                    peer.awaitHangUp();
                });
                RpcConnection rpc = RpcConnection.start(daemon.connect(), "fake", Duration.ofSeconds(30))) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> rpc.call(ECHO, out -> out.writeInt(1)))
                    .isInstanceOf(ProtocolViolationException.class)
                    .hasMessageContaining("protocol error: fake sent a stream packet (serial 1")
                    .hasMessageContaining("this client opened no stream");
            assertThat(since(start)).isLessThan(BOUND);
        }
    }
}
