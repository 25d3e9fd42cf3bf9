package org.virtxml.connect.remote;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.virtxml.connect.ConnectionFailedException;

/**
 * The client's side of libvirt's TLS: the CA that signs the daemon's certificate and the client's own
 * certificate and key, found where libvirt's client looks. {@code pkipath=DIR} names a directory with
 * {@code cacert.pem}, {@code clientcert.pem} and {@code clientkey.pem}; otherwise root uses
 * {@code /etc/pki/CA/cacert.pem}, {@code /etc/pki/libvirt/clientcert.pem} and
 * {@code /etc/pki/libvirt/private/clientkey.pem}, and any other user {@code ~/.pki/libvirt/} (falling
 * back to the system's files when that directory has no CA). With {@code no_verify=1} the daemon's
 * certificate is not checked (neither its CA nor its host name), as with libvirt's {@code no_verify}.
 *
 * @param caCertificate the CA file
 * @param clientCertificate the client certificate file
 * @param clientKey the client key file
 * @param verify whether the daemon's certificate is checked
 */
record TlsCredentials(Path caCertificate, Path clientCertificate, Path clientKey, boolean verify) {
    static final Path SYSTEM_CA = Path.of("/etc/pki/CA/cacert.pem");
    static final Path SYSTEM_CERT = Path.of("/etc/pki/libvirt/clientcert.pem");
    static final Path SYSTEM_KEY = Path.of("/etc/pki/libvirt/private/clientkey.pem");
    private static final char[] NO_PASSWORD = new char[0];

    /** Where libvirt's client would look for this URI's files. */
    static TlsCredentials locate(LibvirtUri uri) {
        boolean verify = !uri.flag("no_verify");
        Optional<String> pkipath = uri.parameter("pkipath");
        if (pkipath.isPresent()) {
            Path dir = Path.of(pkipath.get());
            return new TlsCredentials(
                    dir.resolve("cacert.pem"), dir.resolve("clientcert.pem"), dir.resolve("clientkey.pem"), verify);
        }
        if (!isRoot()) {
            Path user = Path.of(System.getProperty("user.home"), ".pki", "libvirt");
            if (Files.exists(user.resolve("cacert.pem"))) {
                return new TlsCredentials(
                        user.resolve("cacert.pem"),
                        user.resolve("clientcert.pem"),
                        user.resolve("clientkey.pem"),
                        verify);
            }
        }
        return new TlsCredentials(SYSTEM_CA, SYSTEM_CERT, SYSTEM_KEY, verify);
    }

    private static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** A TLS context with these credentials. */
    SSLContext context() {
        requireFile(clientCertificate, "client certificate");
        requireFile(clientKey, "client key");
        List<X509Certificate> chain = PemFiles.certificates(clientCertificate, "client certificate");
        PrivateKey key = PemFiles.privateKey(clientKey, "client key");
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("client", key, NO_PASSWORD, chain.toArray(new Certificate[0]));
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, NO_PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(
                    keyManagers.getKeyManagers(),
                    verify ? trustingTheCa() : new TrustManager[] {new TrustingAll()},
                    new SecureRandom());
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new ConnectionFailedException(
                    "cannot set up TLS with " + clientCertificate + " and " + clientKey + ": " + e.getMessage()
                            + " (does the key belong to the certificate?)",
                    e);
        }
    }

    private TrustManager[] trustingTheCa() throws GeneralSecurityException, IOException {
        requireFile(caCertificate, "CA certificate");
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        int i = 0;
        for (X509Certificate ca : PemFiles.certificates(caCertificate, "CA certificate")) {
            trusted.setCertificateEntry("ca" + i++, ca);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trusted);
        return factory.getTrustManagers();
    }

    private static void requireFile(Path file, String role) {
        if (!Files.isRegularFile(file)) {
            throw new ConnectionFailedException("the TLS " + role + " " + file + " does not exist (libvirt's layout:"
                    + " /etc/pki/CA/cacert.pem, /etc/pki/libvirt/clientcert.pem, /etc/pki/libvirt/private/clientkey.pem;"
                    + " ~/.pki/libvirt/ for other users; or ?pkipath=DIR)");
        }
    }

    /** no_verify=1: any certificate the daemon shows is accepted. */
    private static final class TrustingAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // a client does not check clients
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // no_verify: accepted unchecked, as the user asked
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
