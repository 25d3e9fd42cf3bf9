package org.virtxml.connect.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.virtxml.connect.ConnectOptions;
import org.virtxml.connect.ConnectionFailedException;
import org.virtxml.connect.Connectors;
import org.virtxml.connect.rpc.FakeDaemon;

/** Setting up TLS and SSH is bounded too: a peer that accepts and then says nothing cannot hang the open. */
@Timeout(60)
class TransportBoundsTest {
    private static final Duration SHORT = Duration.ofMillis(800);
    private static final Duration BOUND = Duration.ofSeconds(10);

    @TempDir
    Path temp;

    private Path pki() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("pki"));
        for (String[] copy : new String[][] {
            {"rsa-cert.pem", "cacert.pem"}, {"rsa-cert.pem", "clientcert.pem"}, {"rsa-pkcs1.pem", "clientkey.pem"}
        }) {
            Files.copy(
                    Path.of(TransportBoundsTest.class
                            .getResource("pem/" + copy[0])
                            .toURI()),
                    dir.resolve(copy[1]),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        return dir;
    }

    @Test
    void aTlsHandshakeThatNeverAnswersTimesOut() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        try (FakeDaemon silent = FakeDaemon.startTcp(peer -> done.await(30, TimeUnit.SECONDS))) {
            String uri = "qemu+tls://127.0.0.1:" + silent.port() + "/system?pkipath=" + pki();
            long start = System.nanoTime();
            try {
                assertThatThrownBy(() -> Connectors.open(
                                        uri, ConnectOptions.defaults().withConnectTimeout(SHORT))
                                .close())
                        .isInstanceOf(ConnectionFailedException.class)
                        .hasMessageContaining(
                                "the TLS handshake with 127.0.0.1:" + silent.port() + " did not finish within 800 ms");
            } finally {
                done.countDown();
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
        }
    }

    @Test
    void anSshThatConnectsButNeverSpeaksTimesOutAndIsKilled() throws Exception {
        Path silentSsh = temp.resolve("silent-ssh");
        Files.writeString(silentSsh, "#!/bin/sh\nexec sleep 60\n");
        Files.setPosixFilePermissions(silentSsh, PosixFilePermissions.fromString("rwx------"));
        long start = System.nanoTime();
        assertThatThrownBy(() -> Connectors.open(
                                "qemu+ssh://far.example/system?command=" + silentSsh,
                                ConnectOptions.defaults().withCallTimeout(SHORT))
                        .close())
                .isInstanceOf(ConnectionFailedException.class)
                .hasMessageContaining("cannot connect to qemu+ssh://far.example/system")
                .hasMessageContaining("REMOTE_PROC_AUTH_LIST got no reply from ssh far.example within 800 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
    }
}
