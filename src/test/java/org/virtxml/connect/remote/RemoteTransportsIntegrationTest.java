package org.virtxml.connect.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.virtxml.connect.ConnectionFailedException;
import org.virtxml.connect.Connector;
import org.virtxml.connect.Connectors;
import org.virtxml.connect.DomainState;
import org.virtxml.connect.XmlFlavor;
import org.virtxml.connect.rpc.RpcConnection;

/**
 * The real daemon over TLS and SSH on 127.0.0.1, as .ci/libvirt-up.sh sets them up: needs
 * -Dvirtxml.libvirt=true and -Dvirtxml.tls.pki=DIR (cacert.pem, clientcert.pem, clientkey.pem),
 * -Dvirtxml.tls.wrongpki=DIR (a CA that did not sign the daemon's certificate), -Dvirtxml.ssh.dir=DIR
 * (id_ed25519 for root@127.0.0.1 and known_hosts); each test skips loudly without its property.
 */
@Timeout(120)
class RemoteTransportsIntegrationTest {
    private static final String TLS_PKI = "virtxml.tls.pki";
    private static final String TLS_WRONG_PKI = "virtxml.tls.wrongpki";
    private static final String SSH_DIR = "virtxml.ssh.dir";

    @AfterEach
    void noReaderThreadIsLeft() {
        assertThat(Thread.getAllStackTraces().keySet().stream()
                        .filter(Thread::isAlive)
                        .map(Thread::getName)
                        .filter(n -> n.startsWith(RpcConnection.THREAD_PREFIX)))
                .isEmpty();
    }

    private static Path directory(String property) {
        LibvirtDaemon.require();
        String value = System.getProperty(property);
        if (value == null || value.isBlank() || !Files.isDirectory(Path.of(value))) {
            LibvirtDaemon.skip("SKIPPED: remote transport test: -D" + property + "=DIR not set (or not a directory);"
                    + " .ci/libvirt-up.sh makes it and .ci/run passes it");
        }
        return Path.of(value);
    }

    private static String sshUri(String parameters) {
        Path dir = directory(SSH_DIR);
        return "qemu+ssh://root@127.0.0.1/system?keyfile=" + dir.resolve("id_ed25519") + "&known_hosts="
                + dir.resolve("known_hosts") + "&no_tty=1" + parameters;
    }

    /** Defines a guest (not started), reads its definition back, undefines it. */
    private static void defineAndReadBack(String uri) {
        String name = "virtxml-transport-" + UUID.randomUUID().toString().substring(0, 8);
        UUID uuid = UUID.randomUUID();
        String xml =
                "<domain type='qemu'><name>" + name + "</name><uuid>" + uuid + "</uuid><memory unit='MiB'>32</memory>"
                        + "<vcpu>1</vcpu><os><type arch='x86_64'>hvm</type></os></domain>";
        try (Connector connector = Connectors.open(uri)) {
            assertThat(connector.defineDomain(xml).uuid()).isEqualTo(uuid);
            try {
                assertThat(connector.lookupDomain(name).state()).isEqualTo(DomainState.SHUTOFF);
                assertThat(connector.domainXml(name, XmlFlavor.INACTIVE))
                        .contains("<name>" + name + "</name>")
                        .contains("<uuid>" + uuid + "</uuid>");
            } finally {
                connector.undefineDomain(name);
            }
            assertThat(connector.findDomain(name)).isEmpty();
        }
    }

    @Test
    void tlsDefinesAndReadsBackADomain() {
        defineAndReadBack("qemu+tls://127.0.0.1/system?pkipath=" + directory(TLS_PKI));
    }

    @Test
    void tlsRefusesADaemonCertificateFromAnotherCa() {
        Path wrong = directory(TLS_WRONG_PKI);
        String uri = "qemu+tls://127.0.0.1/system?pkipath=" + wrong;
        assertThatThrownBy(() -> Connectors.open(uri).close())
                .isInstanceOf(ConnectionFailedException.class)
                .hasMessageContaining(
                        "the certificate of 127.0.0.1:16514 is not signed by the CA in " + wrong.resolve("cacert.pem"))
                .hasMessageContaining("no_verify=1");
    }

    @Test
    void tlsWithNoVerifyAcceptsTheDaemonUnchecked() {
        try (Connector connector =
                Connectors.open("qemu+tls://127.0.0.1/system?no_verify=1&pkipath=" + directory(TLS_WRONG_PKI))) {
            assertThat(connector.hostname()).isNotBlank();
        }
    }

    @Test
    void tlsWithAMissingClientKeyNamesTheFile() {
        Path empty = directory(TLS_PKI).resolve("no-such-dir");
        assertThatThrownBy(() -> Connectors.open("qemu+tls://127.0.0.1/system?pkipath=" + empty)
                        .close())
                .isInstanceOf(ConnectionFailedException.class)
                .hasMessageContaining(
                        "the TLS client certificate " + empty.resolve("clientcert.pem") + " does not exist");
    }

    @Test
    void sshDefinesAndReadsBackADomain() {
        defineAndReadBack(sshUri(""));
    }

    @Test
    void sshThroughNetcatOnTheFarSide() {
        defineAndReadBack(sshUri("&proxy=netcat"));
    }

    @Test
    void sshFailureQuotesWhatSshSaid() throws Exception {
        Path dir = directory(SSH_DIR);
        Path emptyKnownHosts = Files.createTempFile("virtxml-known-hosts", "");
        try {
            String uri = "qemu+ssh://root@127.0.0.1/system?keyfile=" + dir.resolve("id_ed25519") + "&known_hosts="
                    + emptyKnownHosts + "&no_tty=1";
            assertThatThrownBy(() -> Connectors.open(uri).close())
                    .isInstanceOf(ConnectionFailedException.class)
                    .hasMessageContaining("ssh exited with status 255")
                    .hasMessageContaining("Host key verification failed");
        } finally {
            Files.deleteIfExists(emptyKnownHosts);
        }
    }
}
