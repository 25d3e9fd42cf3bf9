package org.virtxml.connect.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtxml.connect.ConnectionFailedException;

/** Keys and certificates in the PEM forms openssl and certtool write, read with the JDK alone. */
class PemFilesTest {
    @TempDir
    Path temp;

    private static Path fixture(String name) throws Exception {
        return Path.of(PemFilesTest.class.getResource("pem/" + name).toURI());
    }

    /** The key signs what the certificate's public key verifies: they are one pair, read correctly. */
    private static void assertPair(String keyFile, String certFile, String algorithm) throws Exception {
        PrivateKey key = PemFiles.privateKey(fixture(keyFile), "client key");
        X509Certificate certificate =
                PemFiles.certificates(fixture(certFile), "client certificate").get(0);
        byte[] data = "virtxml".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(key);
        signer.update(data);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(data);
        assertThat(verifier.verify(signature))
                .as("%s belongs to %s", keyFile, certFile)
                .isTrue();
    }

    @Test
    void rsaKeysInPkcs8AndPkcs1Form() throws Exception {
        assertPair("rsa-pkcs8.pem", "rsa-cert.pem", "SHA256withRSA");
        assertPair("rsa-pkcs1.pem", "rsa-cert.pem", "SHA256withRSA");
    }

    @Test
    void ecKeysInPkcs8AndSec1Form() throws Exception {
        assertPair("ec-pkcs8.pem", "ec-cert.pem", "SHA256withECDSA");
        assertPair("ec-sec1.pem", "ec-cert.pem", "SHA256withECDSA");
    }

    @Test
    void textAroundThePemBlockIsIgnored() throws Exception {
        assertThat(PemFiles.certificates(fixture("described-cert.pem"), "CA certificate"))
                .singleElement()
                .satisfies(
                        c -> assertThat(c.getSubjectX500Principal().getName()).isEqualTo("CN=virtxml-test-rsa"));
    }

    @Test
    void missingOrWrongFilesAreClearFailures() throws Exception {
        Path missing = temp.resolve("nothing.pem");
        assertThatThrownBy(() -> PemFiles.certificates(missing, "CA certificate"))
                .isInstanceOf(ConnectionFailedException.class)
                .hasMessageContaining("cannot read the CA certificate " + missing);
        assertThatThrownBy(() -> PemFiles.privateKey(fixture("rsa-cert.pem"), "client key"))
                .isInstanceOf(ConnectionFailedException.class)
                .hasMessageContaining("holds no PEM private key");
        Path encrypted = Files.writeString(
                temp.resolve("enc.pem"),
                "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n");
        assertThatThrownBy(() -> PemFiles.privateKey(encrypted, "client key"))
                .isInstanceOf(ConnectionFailedException.class)
                .hasMessageContaining("is encrypted");
        Path broken = Files.writeString(
                temp.resolve("broken.pem"), "-----BEGIN EC PRIVATE KEY-----\nMAMCAQE=\n-----END EC PRIVATE KEY-----\n");
        assertThatThrownBy(() -> PemFiles.privateKey(broken, "client key"))
                .isInstanceOf(ConnectionFailedException.class)
                .hasMessageContaining("the JDK cannot read");
    }
}
