package org.virtxml.connect.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.virtxml.connect.CallTimeoutException;
import org.virtxml.connect.ConnectionLostException;
import org.virtxml.connect.ErrorCode;
import org.virtxml.connect.LibvirtException;
import org.virtxml.connect.ProtocolViolationException;
import org.virtxml.connect.xdr.XdrEncoder;

@Timeout(30)
class RpcConnectionTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final TestProcedure ECHO = new TestProcedure(1);

    static List<String> rpcThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith(RpcConnection.THREAD_PREFIX))
                .toList();
    }

    @AfterEach
    void noReaderThreadOutlivesItsConnection() {
        assertThat(rpcThreads()).as("RPC reader threads left after the test").isEmpty();
    }

    @Test
    void concurrentCallsGetTheirOwnRepliesEvenOutOfOrder() throws Exception {
        int calls = 8;
        try (FakeDaemon daemon = FakeDaemon.start(peer -> {
                    List<Message> received = new ArrayList<>();
                    for (int i = 0; i < calls; i++) {
                        received.add(peer.read());
                    }
                    Collections.reverse(received);
                    for (Message call : received) {
                        int argument = call.payloadDecoder().readInt();
                        peer.reply(
                                call, new XdrEncoder().writeInt(argument * 10).toByteArray());
                    }
                });
                RpcConnection rpc = RpcConnection.start(daemon.connect(), "fake", TIMEOUT)) {
            ExecutorService pool = Executors.newFixedThreadPool(calls);
            try {
                List<Future<Integer>> replies = new ArrayList<>();
                for (int i = 0; i < calls; i++) {
                    int argument = i + 1;
                    replies.add(pool.submit(
                            () -> rpc.call(ECHO, out -> out.writeInt(argument)).readInt()));
                }
                for (int i = 0; i < calls; i++) {
                    assertThat(replies.get(i).get(10, TimeUnit.SECONDS)).isEqualTo((i + 1) * 10);
                }
            } finally {
                pool.shutdownNow();
            }
            daemon.awaitScript(TIMEOUT);
        }
    }

    @Test
    void daemonClosingMidCallFailsThePendingCallAndLaterCalls() throws Exception {
        try (FakeDaemon daemon = FakeDaemon.start(peer -> {
                    peer.read();
                    peer.close();
                });
                RpcConnection rpc = RpcConnection.start(daemon.connect(), "fake", TIMEOUT)) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> rpc.call(ECHO, out -> out.writeInt(1)))
                    .isInstanceOf(ConnectionLostException.class)
                    .hasMessageContaining("TEST_PROC_1 failed: fake closed the connection");
            assertThatThrownBy(() -> rpc.call(ECHO, out -> out.writeInt(2)))
                    .isInstanceOf(ConnectionLostException.class)
                    .hasMessageContaining("not sent: the connection to fake has ended");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT);
            assertThat(rpc.isOpen()).isFalse();
        }
    }

    @Test
    void garbageOnTheSocketIsAProtocolViolation() throws Exception {
        try (FakeDaemon daemon = FakeDaemon.start(peer -> {
                    peer.read();
                    peer.sendRaw(
                            "HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    peer.read(); // the client hangs up
                });
                RpcConnection rpc = RpcConnection.start(daemon.connect(), "fake", TIMEOUT)) {
            assertThatThrownBy(() -> rpc.call(ECHO, out -> out.writeInt(1)))
                    .isInstanceOf(ProtocolViolationException.class)
                    .hasMessageContaining("garbage from fake")
                    .hasMessageContaining("does not speak libvirt's RPC protocol");
            assertThatThrownBy(() -> rpc.call(ECHO, out -> out.writeInt(2)))
                    .isInstanceOf(ConnectionLostException.class);
        }
    }

    @Test
    void aCallWithoutReplyTimesOutAndTheConnectionStaysUsable() throws Exception {
        try (FakeDaemon daemon = FakeDaemon.start(peer -> {
                    Message unanswered = peer.read();
                    Message second = peer.read();
                    peer.reply(unanswered, new XdrEncoder().writeInt(-1).toByteArray()); // late: must be dropped
                    peer.reply(
                            second,
                            new XdrEncoder()
                                    .writeInt(second.payloadDecoder().readInt())
                                    .toByteArray());
                });
                RpcConnection rpc = RpcConnection.start(daemon.connect(), "fake", TIMEOUT)) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> rpc.call(ECHO, out -> out.writeInt(1), Duration.ofMillis(300)))
                    .isInstanceOf(CallTimeoutException.class)
                    .hasMessageContaining("TEST_PROC_1 got no reply from fake within 300 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(rpc.call(ECHO, out -> out.writeInt(2)).readInt()).isEqualTo(2);
            daemon.awaitScript(TIMEOUT);
        }
    }

    @Test
    void keepalivePingIsAnsweredWithPong() throws Exception {
        try (FakeDaemon daemon = FakeDaemon.start(peer -> {
                    peer.send(
                            new MessageHeader(
                                    KeepaliveProcedure.PROGRAM,
                                    1,
                                    KeepaliveProcedure.PING.number(),
                                    MessageType.MESSAGE,
                                    0,
                                    MessageStatus.OK),
                            new byte[0]);
                    Message pong = peer.read();
                    assertThat(pong.header())
                            .isEqualTo(new MessageHeader(
                                    KeepaliveProcedure.PROGRAM,
                                    1,
                                    KeepaliveProcedure.PONG.number(),
                                    MessageType.MESSAGE,
                                    0,
                                    MessageStatus.OK));
                    assertThat(pong.payloadLength()).isZero();
                    Message call = peer.read();
                    peer.reply(call, new XdrEncoder().writeInt(7).toByteArray());
                });
                RpcConnection rpc = RpcConnection.start(daemon.connect(), "fake", TIMEOUT)) {
            daemonPause();
            assertThat(rpc.call(ECHO, out -> out.writeInt(7)).readInt()).isEqualTo(7);
            daemon.awaitScript(TIMEOUT);
            assertThat(rpc.pingsAnswered()).isEqualTo(1);
        }
    }

    @Test
    void errorReplyBecomesLibvirtException() throws Exception {
        try (FakeDaemon daemon = FakeDaemon.start(peer -> {
                    peer.replyError(peer.read(), 42, 12, "Domain not found");
                    peer.awaitHangUp();
                });
                RpcConnection rpc = RpcConnection.start(daemon.connect(), "fake", TIMEOUT)) {
            assertThatThrownBy(() -> rpc.call(ECHO, out -> {})).isInstanceOfSatisfying(LibvirtException.class, e -> {
                assertThat(e.is(ErrorCode.VIR_ERR_NO_DOMAIN)).isTrue();
                assertThat(e.libvirtMessage()).isEqualTo("Domain not found");
                assertThat(e.getMessage()).isEqualTo("Domain not found [VIR_ERR_NO_DOMAIN from VIR_FROM_TEST]");
            });
            assertThat(rpc.isOpen())
                    .as("an error reply does not end the connection")
                    .isTrue();
        }
    }

    @Test
    void closeFailsPendingCallsAndStopsTheReader() throws Exception {
        CountDownLatch received = new CountDownLatch(1);
        try (FakeDaemon daemon = FakeDaemon.start(peer -> {
            peer.read();
            received.countDown();
            peer.awaitHangUp(); // never answers
        })) {
            RpcConnection rpc = RpcConnection.start(daemon.connect(), "fake", TIMEOUT);
            assertThat(rpcThreads()).containsExactly(RpcConnection.THREAD_PREFIX + "fake");
            CompletableFuture<Object> pending = CompletableFuture.supplyAsync(() -> rpc.call(ECHO, out -> {}));
            assertThat(received.await(10, TimeUnit.SECONDS)).isTrue();
            rpc.close();
            assertThatThrownBy(() -> pending.get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(ConnectionLostException.class)
                    .hasMessageContaining("closed by this client");
            assertThat(rpcThreads()).isEmpty();
            rpc.close(); // idempotent
        }
    }

    private static void daemonPause() throws InterruptedException {
        Thread.sleep(100); // let the PING arrive before the call, as it would between calls
    }
}
