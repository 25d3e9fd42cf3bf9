package org.virtxml.connect.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.virtxml.connect.CallTimeoutException;
import org.virtxml.connect.ConnectOptions;
import org.virtxml.connect.ConnectionFailedException;
import org.virtxml.connect.Connector;
import org.virtxml.connect.Connectors;
import org.virtxml.connect.DomainState;
import org.virtxml.connect.DomainStates;
import org.virtxml.connect.EventSubscription;
import org.virtxml.connect.LifecycleEvent;
import org.virtxml.connect.rpc.FakeDaemon;
import org.virtxml.connect.rpc.Message;
import org.virtxml.connect.rpc.MessageHeader;
import org.virtxml.connect.rpc.MessageStatus;
import org.virtxml.connect.rpc.MessageType;
import org.virtxml.connect.rpc.RemoteProcedure;
import org.virtxml.connect.xdr.XdrEncoder;

/** Lifecycle events from a scripted daemon, a stalled send at the connector's level, and ssh's own failure. */
@Timeout(60)
class DomainEventsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final UUID GUEST = UUID.fromString("6f1c8a3e-2d4b-4c5a-9e7f-0a1b2c3d4e5f");

    @TempDir
    Path temp;

    private static String uriFor(FakeDaemon daemon) {
        return "qemu:///system?socket=" + daemon.socket();
    }

    private static byte[] lifecycle(int callbackId, String domain, int event, int detail) {
        XdrEncoder out = new XdrEncoder().writeInt(callbackId);
        RemoteTypes.writeDomain(out, new RemoteTypes.DomainRef(domain, GUEST, 3));
        return out.writeInt(event).writeInt(detail).toByteArray();
    }

    private static void sendEvent(FakeDaemon.Peer peer, byte[] payload) throws IOException {
        peer.send(
                new MessageHeader(
                        RemoteProcedure.PROGRAM,
                        RemoteProcedure.VERSION,
                        RemoteProcedure.DOMAIN_EVENT_CALLBACK_LIFECYCLE.number(),
                        MessageType.MESSAGE,
                        0,
                        MessageStatus.OK),
                payload);
    }

    @Test
    void lifecycleMessagesReachTheListenerOfTheirCallbackUntilItIsClosed() throws Exception {
        BlockingQueue<LifecycleEvent> received = new LinkedBlockingQueue<>();
        try (FakeDaemon daemon = FakeDaemon.start(peer -> {
                    peer.answerHandshake(0);
                    Message register = peer.read();
                    FakeDaemon.Peer.expect(register, RemoteProcedure.CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY);
                    assertThat(register.payloadDecoder().readInt())
                            .as("VIR_DOMAIN_EVENT_ID_LIFECYCLE")
                            .isZero();
                    peer.reply(register, new XdrEncoder().writeInt(7).toByteArray());
                    sendEvent(peer, lifecycle(99, "other-callback", 2, 0)); // another client's callback id: not ours
                    sendEvent(peer, lifecycle(7, "web1", 2, 0)); // STARTED, booted
                    sendEvent(peer, lifecycle(7, "web1", 5, 1)); // STOPPED, destroyed
                    Message deregister = peer.read();
                    FakeDaemon.Peer.expect(deregister, RemoteProcedure.CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY);
                    assertThat(deregister.payloadDecoder().readInt()).isEqualTo(7);
                    peer.reply(deregister, new byte[0]);
                    peer.awaitHangUp();
                });
                Connector connector = Connectors.open(uriFor(daemon))) {
            EventSubscription subscription = connector.onLifecycle(received::add);
            assertThat(received.poll(10, TimeUnit.SECONDS))
                    .isEqualTo(new LifecycleEvent("web1", GUEST, LifecycleEvent.Type.STARTED, 0));
            assertThat(received.poll(10, TimeUnit.SECONDS))
                    .isEqualTo(new LifecycleEvent("web1", GUEST, LifecycleEvent.Type.STOPPED, 1));
            subscription.close();
            assertThat(received).isEmpty();
        }
    }

    @Test
    void awaitRunningWakesOnTheStartedEvent() throws Exception {
        try (FakeDaemon daemon = FakeDaemon.start(peer -> {
                    peer.answerHandshake(0);
                    Message register = peer.read();
                    peer.reply(register, new XdrEncoder().writeInt(1).toByteArray());
                    answerState(peer, 5); // SHUTOFF
                    sendEvent(peer, lifecycle(1, "web1", 2, 0));
                    answerState(peer, 1); // RUNNING
                    Message deregister = peer.read();
                    FakeDaemon.Peer.expect(deregister, RemoteProcedure.CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY);
                    peer.reply(deregister, new byte[0]);
                    peer.awaitHangUp();
                });
                Connector connector = Connectors.open(uriFor(daemon))) {
            assertThat(DomainStates.awaitRunning(connector, "web1", WAIT).state())
                    .isEqualTo(DomainState.RUNNING);
        }
    }

    @Test
    void awaitRunningGivesUpAfterItsTimeout() throws Exception {
        try (FakeDaemon daemon = FakeDaemon.start(peer -> {
                    peer.answerHandshake(0);
                    peer.reply(peer.read(), new XdrEncoder().writeInt(1).toByteArray());
                    answerState(peer, 5); // SHUTOFF, and no event ever comes
                    Message deregister = peer.read();
                    peer.reply(deregister, new byte[0]);
                    peer.awaitHangUp();
                });
                Connector connector = Connectors.open(uriFor(daemon))) {
            assertThatThrownBy(() -> DomainStates.awaitRunning(connector, "web1", Duration.ofMillis(300)))
                    .isInstanceOf(CallTimeoutException.class)
                    .hasMessageContaining("domain web1 is shutoff, not running, after waiting 300 ms");
        }
    }

    /** lookupDomain: LOOKUP_BY_NAME, GET_STATE, IS_PERSISTENT. */
    private static void answerState(FakeDaemon.Peer peer, int state) throws IOException {
        Message lookup = peer.read();
        FakeDaemon.Peer.expect(lookup, RemoteProcedure.DOMAIN_LOOKUP_BY_NAME);
        XdrEncoder domain = new XdrEncoder();
        RemoteTypes.writeDomain(domain, new RemoteTypes.DomainRef("web1", GUEST, state == 1 ? 3 : -1));
        peer.reply(lookup, domain.toByteArray());
        Message getState = peer.read();
        FakeDaemon.Peer.expect(getState, RemoteProcedure.DOMAIN_GET_STATE);
        peer.reply(getState, new XdrEncoder().writeInt(state).writeInt(0).toByteArray());
        Message persistent = peer.read();
        FakeDaemon.Peer.expect(persistent, RemoteProcedure.DOMAIN_IS_PERSISTENT);
        peer.reply(persistent, new XdrEncoder().writeInt(1).toByteArray());
    }

    @Test
    void aDefineThatCannotBeSentTimesOutAndCloseReturns() throws Exception {
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        try (FakeDaemon daemon = FakeDaemon.start(peer -> {
            peer.answerHandshake(0);
            done.await(30, TimeUnit.SECONDS); // stops reading, like a SIGSTOPped daemon
        })) {
            Connector connector =
                    Connectors.open(uriFor(daemon), ConnectOptions.defaults().withCallTimeout(Duration.ofMillis(700)));
            String big = "<domain type='kvm'><name>big</name><description>" + "x".repeat(3_500_000)
                    + "</description></domain>";
            long start = System.nanoTime();
            try {
                assertThatThrownBy(() -> connector.defineDomain(big))
                        .isInstanceOf(CallTimeoutException.class)
                        .hasMessageContaining("REMOTE_PROC_DOMAIN_DEFINE_XML could not be sent")
                        .hasMessageContaining("within 700 ms");
            } finally {
                connector.close();
                done.countDown();
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void anSshThatFailsIsReportedWithItsStderr() throws IOException {
        Path fakeSsh = temp.resolve("fake-ssh");
        Files.writeString(fakeSsh, "#!/bin/sh\necho 'root@far: Permission denied (publickey).' >&2\nexit 255\n");
        Files.setPosixFilePermissions(fakeSsh, PosixFilePermissions.fromString("rwx------"));
        assertThatThrownBy(() -> Connectors.open("qemu+ssh://root@far.example/system?command=" + fakeSsh)
                        .close())
                .isInstanceOf(ConnectionFailedException.class)
                .hasMessageContaining("cannot connect to qemu+ssh://root@far.example/system")
                .hasMessageContaining("ssh exited with status 255")
                .hasMessageContaining("Permission denied (publickey)");
    }

    @Test
    void aMissingSshProgramIsAClearFailure() {
        Path missing = temp.resolve("no-ssh-here");
        assertThatThrownBy(() -> Connectors.open("qemu+ssh://far.example/system?command=" + missing)
                        .close())
                .isInstanceOf(ConnectionFailedException.class)
                .hasMessageContaining("cannot run " + missing);
    }
}
