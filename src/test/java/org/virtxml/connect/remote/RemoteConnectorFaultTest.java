package org.virtxml.connect.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.virtxml.connect.ConnectOptions;
import org.virtxml.connect.ConnectionFailedException;
import org.virtxml.connect.ConnectionLostException;
import org.virtxml.connect.Connector;
import org.virtxml.connect.Connectors;
import org.virtxml.connect.ProtocolViolationException;
import org.virtxml.connect.rpc.FakeDaemon;
import org.virtxml.connect.rpc.Message;
import org.virtxml.connect.rpc.RemoteProcedure;
import org.virtxml.connect.rpc.RpcConnection;
import org.virtxml.connect.xdr.XdrEncoder;

@Timeout(30)
class RemoteConnectorFaultTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @AfterEach
    void noReaderThreadIsLeft() {
        assertThat(Thread.getAllStackTraces().keySet().stream()
                        .filter(Thread::isAlive)
                        .map(Thread::getName)
                        .filter(n -> n.startsWith(RpcConnection.THREAD_PREFIX)))
                .isEmpty();
    }

    private static String uriFor(FakeDaemon daemon, String base) {
        return base + "?socket=" + daemon.socket();
    }

    @Test
    void opensTheUriLibvirtExpectsAndClosesPolitely() throws Exception {
        AtomicReference<String> opened = new AtomicReference<>();
        try (FakeDaemon daemon = FakeDaemon.start(peer -> {
            opened.set(peer.answerHandshake(0));
            Message hostname = peer.read();
            FakeDaemon.Peer.expect(hostname, RemoteProcedure.CONNECT_GET_HOSTNAME);
            peer.reply(hostname, new XdrEncoder().writeString("fakehost", 100).toByteArray());
            Message close = peer.read();
            FakeDaemon.Peer.expect(close, RemoteProcedure.CONNECT_CLOSE);
            peer.reply(close, new byte[0]);
            peer.awaitHangUp();
        })) {
            try (Connector connector = Connectors.open(uriFor(daemon, "test+unix:///default"))) {
                assertThat(connector).isInstanceOf(RemoteConnector.class);
                assertThat(connector.hostname()).isEqualTo("fakehost");
            }
            daemon.awaitScript(WAIT);
            assertThat(opened.get()).isEqualTo("test:///default");
        }
    }

    @Test
    void tcpTransportCarriesTheSameProtocol() throws Exception {
        AtomicReference<String> opened = new AtomicReference<>();
        try (FakeDaemon daemon = FakeDaemon.startTcp(peer -> {
                    opened.set(peer.answerHandshake(2, 0)); // polkit offered, none allowed: none wins
                    Message info = peer.read();
                    FakeDaemon.Peer.expect(info, RemoteProcedure.NODE_GET_INFO);
                    XdrEncoder reply = new XdrEncoder();
                    String model = "x86_64";
                    for (int i = 0; i < 32; i++) {
                        reply.writeInt(
                                i < model.length() ? model.charAt(i) : 0); // char model[32]: one XDR int per char
                    }
                    reply.writeUnsignedHyper(16L * 1024 * 1024)
                            .writeInt(8)
                            .writeInt(2400)
                            .writeInt(1)
                            .writeInt(1)
                            .writeInt(4)
                            .writeInt(2);
                    peer.reply(info, reply.toByteArray());
                    peer.awaitHangUp();
                });
                Connector connector = Connectors.open("qemu+tcp://127.0.0.1:" + daemon.port() + "/system")) {
            assertThat(connector.nodeInfo())
                    .isEqualTo(new org.virtxml.connect.NodeInfo("x86_64", 16L * 1024 * 1024, 8, 2400, 1, 1, 4, 2));
            assertThat(opened.get()).isEqualTo("qemu:///system");
        }
    }

    @Test
    void missingSocketIsAClearConnectionFailure() {
        assertThatThrownBy(() -> Connectors.open("qemu:///system?socket=/nonexistent/virtxml/libvirt-sock"))
                .isInstanceOf(ConnectionFailedException.class)
                .hasMessageContaining("socket /nonexistent/virtxml/libvirt-sock does not exist (is libvirtd running?)");
    }

    @Test
    void refusedTcpConnectionIsAClearConnectionFailure() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort(); // free once closed
        }
        int closedPort = port;
        assertThatThrownBy(() -> Connectors.open("qemu+tcp://127.0.0.1:" + closedPort + "/system"))
                .isInstanceOf(ConnectionFailedException.class)
                .hasMessageContaining("refused the connection");
    }

    @Test
    void saslOnlyDaemonIsReportedAsUnsupported() throws Exception {
        try (FakeDaemon daemon = FakeDaemon.start(peer -> {
            Message authList = peer.read();
            peer.reply(authList, new XdrEncoder().writeInt(1).writeInt(1).toByteArray());
            peer.awaitHangUp();
        })) {
            assertThatThrownBy(() -> Connectors.open(uriFor(daemon, "qemu:///system")))
                    .isInstanceOf(ConnectionFailedException.class)
                    .hasMessageContaining(
                            "requires SASL authentication, which virtxml's pure-Java client does not support");
        }
    }

    @Test
    void libvirtRefusingTheUriIsAConnectionFailureWithLibvirtsMessage() throws Exception {
        try (FakeDaemon daemon = FakeDaemon.start(peer -> {
            peer.reply(peer.read(), new XdrEncoder().writeInt(1).writeInt(0).toByteArray());
            peer.replyError(peer.read(), 38, 7, "Failed to connect socket to '/run/libvirt/virtqemud-sock'");
            peer.awaitHangUp();
        })) {
            assertThatThrownBy(() -> Connectors.open(uriFor(daemon, "qemu:///system")))
                    .isInstanceOf(ConnectionFailedException.class)
                    .hasMessageContaining("libvirt refused to open qemu:///system")
                    .hasMessageContaining("Failed to connect socket")
                    .hasMessageContaining("VIR_ERR_SYSTEM_ERROR from VIR_FROM_RPC");
        }
    }

    @Test
    void daemonKilledMidCallFailsTheCallClearly() throws Exception {
        try (FakeDaemon daemon = FakeDaemon.start(peer -> {
            peer.answerHandshake(0);
            peer.read(); // the capabilities call, never answered
            peer.close(); // the daemon dies
        })) {
            Connector connector = Connectors.open(uriFor(daemon, "qemu:///system"));
            try {
                assertThatThrownBy(connector::capabilitiesXml)
                        .isInstanceOf(ConnectionLostException.class)
                        .hasMessageContaining("REMOTE_PROC_CONNECT_GET_CAPABILITIES failed")
                        .hasMessageContaining("closed the connection");
                assertThatThrownBy(connector::listDomains).isInstanceOf(ConnectionLostException.class);
            } finally {
                connector.close();
            }
        }
    }

    @Test
    void garbageReplyToACallIsAProtocolViolation() throws Exception {
        try (FakeDaemon daemon = FakeDaemon.start(peer -> {
                    peer.answerHandshake(0);
                    Message hostname = peer.read();
                    peer.reply(hostname, new byte[] {0, 0, 0, 9, 'x'}); // string claims 9 bytes, has 1
                    peer.awaitHangUp();
                });
                Connector connector = Connectors.open(uriFor(daemon, "qemu:///system"))) {
            assertThatThrownBy(connector::hostname)
                    .isInstanceOf(ProtocolViolationException.class)
                    .hasMessageContaining("undecodable reply to REMOTE_PROC_CONNECT_GET_HOSTNAME");
        }
    }

    @Test
    void aSilentDaemonTimesTheCallOut() throws Exception {
        try (FakeDaemon daemon = FakeDaemon.start(peer -> {
                    peer.answerHandshake(0);
                    peer.awaitHangUp();
                });
                Connector connector = Connectors.open(
                        uriFor(daemon, "qemu:///system"),
                        ConnectOptions.defaults().withCallTimeout(Duration.ofMillis(400)))) {
            assertThatThrownBy(connector::nodeInfo)
                    .isInstanceOf(org.virtxml.connect.CallTimeoutException.class)
                    .hasMessageContaining("REMOTE_PROC_NODE_GET_INFO got no reply");
        }
    }
}
