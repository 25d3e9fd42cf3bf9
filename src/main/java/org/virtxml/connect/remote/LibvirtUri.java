package org.virtxml.connect.remote;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.virtxml.connect.ConnectionFailedException;

/**
 * A libvirt connection URI split the way libvirt's remote driver splits it:
 * {@code DRIVER[+TRANSPORT]://[HOST[:PORT]]/PATH[?socket=...]}. A URI without a transport and
 * without a host goes to the local daemon's UNIX socket; the daemon gets the URI without
 * transport, host and client-side parameters ({@link #daemonUri()}).
 *
 * @param driver e.g. qemu, test
 * @param transport UNIX or TCP
 * @param host for TCP
 * @param port for TCP
 * @param socket for UNIX
 */
public record LibvirtUri(URI original, String driver, Transport transport, String host, int port, Path socket,
        String daemonUri) {

    public enum Transport { UNIX, TCP }

    /** libvirtd's TCP port (listen_tcp). */
    public static final int DEFAULT_TCP_PORT = 16509;
    /** The privileged daemon's read-write socket. */
    public static final Path SYSTEM_SOCKET = Path.of("/var/run/libvirt/libvirt-sock");

    /** Drivers libvirt's daemon serves (virt drivers reachable through the remote driver). */
    static final Set<String> DRIVERS = Set.of("qemu", "test", "lxc", "libxl", "xen", "bhyve", "ch", "vbox", "vz",
            "openvz", "vmware", "parallels");
    private static final Set<String> UNSUPPORTED_TRANSPORTS = Set.of("tls", "ssh", "libssh", "libssh2", "ext");
    /** Query parameters libvirt's client consumes itself and does not pass to the daemon. */
    private static final Set<String> CLIENT_PARAMETERS = Set.of("name", "command", "socket", "auth", "netcat",
            "keyfile", "no_verify", "no_tty", "pkipath", "known_hosts", "known_hosts_verify", "sshauth", "mode",
            "proxy", "tls_priority", "tls");

    public LibvirtUri {
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(daemonUri, "daemonUri");
    }

    /** True when the scheme names a libvirt driver, with or without a transport. */
    public static boolean looksLikeLibvirt(URI uri) {
        String scheme = uri.getScheme();
        if (scheme == null) {
            return false;
        }
        int plus = scheme.indexOf('+');
        return DRIVERS.contains((plus < 0 ? scheme : scheme.substring(0, plus)).toLowerCase(Locale.ROOT));
    }

    public static LibvirtUri parse(URI uri) {
        if (!looksLikeLibvirt(uri)) {
            throw new ConnectionFailedException("not a libvirt URI: " + uri + " (expected e.g. qemu:///system)");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int plus = scheme.indexOf('+');
        String driver = plus < 0 ? scheme : scheme.substring(0, plus);
        String transportName = plus < 0 ? "" : scheme.substring(plus + 1);
        String host = uri.getHost() == null || uri.getHost().isEmpty() ? null : uri.getHost();
        if (UNSUPPORTED_TRANSPORTS.contains(transportName) || (transportName.isEmpty() && host != null)) {
            String named = transportName.isEmpty() ? "tls (the default for a URI with a host)" : transportName;
            throw new ConnectionFailedException("transport " + named + " in " + uri
                    + " is not supported by virtxml's pure-Java client; use qemu+tcp://HOST/system (with listen_tcp and"
                    + " auth_tcp=\"none\" on the daemon) or a local UNIX socket");
        }
        if (!transportName.isEmpty() && !transportName.equals("unix") && !transportName.equals("tcp")) {
            throw new ConnectionFailedException("unknown transport '" + transportName + "' in " + uri);
        }
        Transport transport = transportName.equals("tcp") ? Transport.TCP : Transport.UNIX;
        if (transport == Transport.TCP && host == null) {
            throw new ConnectionFailedException("a tcp URI needs a host: " + uri);
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        List<String> daemonParameters = new ArrayList<>();
        Optional<String> socketParameter = Optional.empty();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String key = equals < 0 ? pair : pair.substring(0, equals);
                if (key.equals("socket")) {
                    socketParameter = Optional.of(decode(equals < 0 ? "" : pair.substring(equals + 1)));
                } else if (!CLIENT_PARAMETERS.contains(key)) {
                    daemonParameters.add(pair);
                }
            }
        }
        String daemonUri = driver + "://" + path + (daemonParameters.isEmpty() ? "" : "?" + String.join("&", daemonParameters));
        Path socket = transport == Transport.UNIX ? socketParameter.map(Path::of).orElseGet(() -> defaultSocket(path)) : null;
        int port = uri.getPort() > 0 ? uri.getPort() : DEFAULT_TCP_PORT;
        return new LibvirtUri(uri, driver, transport, host, transport == Transport.TCP ? port : -1, socket, daemonUri);
    }

    /** A human name for the peer: the socket path or host:port. */
    public String peer() {
        return transport == Transport.UNIX ? socket.toString() : host + ":" + port;
    }

    private static Path defaultSocket(String path) {
        if (path.equals("/session")) {
            String runtime = System.getenv("XDG_RUNTIME_DIR");
            Path base = runtime != null && !runtime.isEmpty() ? Path.of(runtime)
                    : Path.of(System.getProperty("user.home"), ".cache");
            return base.resolve("libvirt").resolve("libvirt-sock");
        }
        return SYSTEM_SOCKET;
    }

    private static String decode(String value) {
        return java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
