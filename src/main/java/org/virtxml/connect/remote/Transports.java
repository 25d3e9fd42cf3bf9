package org.virtxml.connect.remote;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.virtxml.connect.ConnectOptions;
import org.virtxml.connect.ConnectionFailedException;
import org.virtxml.connect.rpc.ChannelWire;
import org.virtxml.connect.rpc.Wire;

/**
 * Opens the wire a {@link LibvirtUri} names: a UNIX socket, TCP, TLS (the JDK's, with libvirt's
 * certificate layout, see {@link TlsCredentials}) or the system's {@code ssh} running libvirt's proxy
 * on the far side. Setting up is bounded by the connect timeout. Messages name the URI once.
 */
final class Transports {
    /** libvirt's TLS confirmation: after the handshake the daemon sends this byte if it accepts the client. */
    private static final int TLS_ACCEPTED = 1;

    private Transports() {}

    static Wire connect(LibvirtUri uri, ConnectOptions options) {
        return switch (uri.transport()) {
            case UNIX -> new ChannelWire(unix(uri, options.connectTimeout()));
            case TCP -> new ChannelWire(tcp(uri, options.connectTimeout()));
            case TLS -> tls(uri, options.connectTimeout());
            case SSH -> ssh(uri);
        };
    }

    private static String failed(LibvirtUri uri) {
        return "cannot connect to " + uri.original() + ": ";
    }

    private static SocketChannel unix(LibvirtUri uri, Duration connectTimeout) {
        if (!Files.exists(uri.socket())) {
            throw new ConnectionFailedException(
                    failed(uri) + "socket " + uri.socket() + " does not exist (is libvirtd running?)");
        }
        SocketChannel channel = null;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.configureBlocking(false);
            if (!channel.connect(UnixDomainSocketAddress.of(uri.socket()))) {
                try (Selector selector = Selector.open()) {
                    channel.register(selector, SelectionKey.OP_CONNECT);
                    if (selector.select(Math.max(1, connectTimeout.toMillis())) == 0) {
                        throw new SocketTimeoutException(
                                "the daemon did not accept within " + connectTimeout.toMillis() + " ms");
                    }
                }
                channel.finishConnect();
            }
            channel.configureBlocking(true);
            return channel;
        } catch (IOException e) {
            close(channel);
            throw new ConnectionFailedException(
                    failed(uri) + "socket " + uri.socket() + ": " + reason(e)
                            + " (is libvirtd running, and may this user open the socket?)",
                    e);
        }
    }

    private static SocketChannel tcp(LibvirtUri uri, Duration connectTimeout) {
        SocketChannel channel = null;
        try {
            channel = SocketChannel.open();
            channel.socket().connect(new InetSocketAddress(uri.host(), uri.port()), millis(connectTimeout));
            channel.socket().setTcpNoDelay(true);
            return channel;
        } catch (IOException e) {
            close(channel);
            throw socketFailure(uri, connectTimeout, e, "listen_tcp=1");
        }
    }

    private static ConnectionFailedException socketFailure(
            LibvirtUri uri, Duration connectTimeout, IOException e, String listen) {
        if (e instanceof UnknownHostException) {
            return new ConnectionFailedException(failed(uri) + "unknown host " + uri.host(), e);
        }
        if (e instanceof SocketTimeoutException) {
            return new ConnectionFailedException(
                    failed(uri) + "no answer from " + uri.peer() + " within " + connectTimeout.toMillis() + " ms", e);
        }
        if (e instanceof ConnectException) {
            return new ConnectionFailedException(
                    failed(uri) + uri.peer() + " refused the connection (does libvirtd listen:" + " " + listen
                            + " and --listen?)",
                    e);
        }
        return new ConnectionFailedException(failed(uri) + reason(e), e);
    }

    private static Wire tls(LibvirtUri uri, Duration connectTimeout) {
        TlsCredentials credentials = TlsCredentials.locate(uri);
        SSLContext context = credentials.context();
        Socket plain = new Socket();
        try {
            plain.connect(new InetSocketAddress(uri.host(), uri.port()), millis(connectTimeout));
            plain.setTcpNoDelay(true);
        } catch (IOException e) {
            close(plain);
            throw socketFailure(uri, connectTimeout, e, "listen_tls=1");
        }
        try {
            SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain, uri.host(), uri.port(), true);
            tls.setUseClientMode(true);
            if (credentials.verify()) {
                SSLParameters parameters = tls.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name the host
                tls.setSSLParameters(parameters);
            }
            tls.setSoTimeout(millis(connectTimeout));
            tls.startHandshake();
            InputStream input = tls.getInputStream();
            int confirmation = input.read();
            if (confirmation != TLS_ACCEPTED) {
                throw new ConnectionFailedException(
                        failed(uri) + "the daemon at " + uri.peer() + " refused this client's" + " certificate "
                                + credentials.clientCertificate() + " or address (its CA, tls_allowed_dn_list?)");
            }
            tls.setSoTimeout(0);
            return new SocketWire(plain, input, tls.getOutputStream());
        } catch (SocketTimeoutException e) {
            close(plain);
            throw new ConnectionFailedException(
                    failed(uri) + "the TLS handshake with " + uri.peer() + " did not finish" + " within "
                            + connectTimeout.toMillis() + " ms",
                    e);
        } catch (SSLException e) {
            close(plain);
            throw new ConnectionFailedException(failed(uri) + tlsReason(e, uri, credentials), e);
        } catch (IOException e) {
            close(plain);
            throw new ConnectionFailedException(failed(uri) + "TLS with " + uri.peer() + " failed: " + reason(e), e);
        } catch (ConnectionFailedException e) {
            close(plain);
            throw e;
        }
    }

    private static String tlsReason(SSLException e, LibvirtUri uri, TlsCredentials credentials) {
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof CertificateException)) {
            cause = cause.getCause();
        }
        String detail = reason(e).toLowerCase(Locale.ROOT) + " "
                + (cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(Locale.ROOT));
        if (detail.contains("pkix path") || detail.contains("unable to find valid certification path")) {
            return "the certificate of " + uri.peer() + " is not signed by the CA in " + credentials.caCertificate()
                    + " (a wrong CA, or add ?no_verify=1 to skip the check)";
        }
        if (detail.contains("subject alternative name") || detail.contains("no name matching")) {
            return "the certificate of " + uri.peer() + " does not name the host " + uri.host() + " ("
                    + cause.getMessage() + "; or add ?no_verify=1 to skip the check)";
        }
        return "the TLS handshake with " + uri.peer() + " failed: " + reason(e)
                + " (is it libvirtd's TLS port, and does" + " the daemon trust the CA of "
                + credentials.clientCertificate() + "?)";
    }

    /**
     * ssh [-p PORT] [-l USER] [-i KEYFILE] -T -e none [-o BatchMode=yes] [-o StrictHostKeyChecking=no] -- HOST
     * COMMAND, as libvirt's client runs it; COMMAND runs virt-ssh-helper (when present, unless proxy=netcat)
     * or netcat on the daemon's socket.
     */
    static List<String> sshCommand(LibvirtUri uri) {
        List<String> command = new ArrayList<>();
        command.add(uri.parameter("command").filter(c -> !c.isBlank()).orElse("ssh"));
        if (uri.port() > 0) {
            command.add("-p");
            command.add(Integer.toString(uri.port()));
        }
        if (uri.user() != null) {
            command.add("-l");
            command.add(uri.user());
        }
        uri.parameter("keyfile").filter(k -> !k.isBlank()).ifPresent(keyfile -> {
            command.add("-i");
            command.add(keyfile);
        });
        command.add("-T");
        command.add("-e");
        command.add("none");
        if (uri.flag("no_tty")) {
            command.add("-o");
            command.add("BatchMode=yes");
        }
        if (uri.flag("no_verify")) {
            command.add("-o");
            command.add("StrictHostKeyChecking=no");
        }
        uri.parameter("known_hosts").filter(k -> !k.isBlank()).ifPresent(file -> {
            command.add("-o");
            command.add("UserKnownHostsFile=" + file);
        });
        command.add("--");
        command.add(uri.host());
        command.add(remoteCommand(uri));
        return List.copyOf(command);
    }

    /** The far side's shell command: virt-ssh-helper URI, or NETCAT -U SOCKET (with -q0 where nc knows it). */
    static String remoteCommand(LibvirtUri uri) {
        String proxy = uri.parameter("proxy").orElse("auto");
        String netcat = uri.parameter("netcat").filter(n -> !n.isBlank()).orElse("nc");
        String viaNetcat = "if " + quote(netcat)
                + " -q 2>&1 | grep 'requires an argument' >/dev/null 2>&1; then ARG=-q0;" + " else ARG=; fi; exec "
                + quote(netcat) + " $ARG -U " + quote(uri.socket().toString());
        String viaHelper = "exec virt-ssh-helper " + quote(uri.daemonUri());
        String script = switch (proxy) {
            case "netcat" -> viaNetcat;
            case "native" -> viaHelper;
            case "auto" ->
                uri.parameter("netcat").isPresent() || uri.parameter("socket").isPresent()
                        ? viaNetcat
                        : "if command -v virt-ssh-helper >/dev/null 2>&1; then " + viaHelper + "; else " + viaNetcat
                                + "; fi";
            default ->
                throw new ConnectionFailedException(
                        failed(uri) + "unknown proxy '" + proxy + "' (libvirt's are auto, netcat, native)");
        };
        return "sh -c " + quote(script);
    }

    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    private static Wire ssh(LibvirtUri uri) {
        List<String> command = sshCommand(uri);
        Path stderr = null;
        try {
            stderr = Files.createTempFile("virtxml-ssh-", ".err");
            Process process =
                    new ProcessBuilder(command).redirectError(stderr.toFile()).start();
            return new SshWire(process, stderr);
        } catch (IOException e) {
            if (stderr != null) {
                try {
                    Files.deleteIfExists(stderr);
                } catch (IOException ignored) {
                    // a temporary file left behind
                }
            }
            throw new ConnectionFailedException(
                    failed(uri) + "cannot run " + command.get(0) + ": " + reason(e)
                            + " (is OpenSSH's client installed?)",
                    e);
        }
    }

    private static int millis(Duration timeout) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    }

    private static String reason(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static void close(java.io.Closeable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (IOException ignored) {
                // already failing
            }
        }
    }
}
