package org.virtxml.connect.remote;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.virtxml.connect.ConnectionFailedException;

/**
 * A libvirt connection URI split the way libvirt's remote driver splits it:
 * {@code DRIVER[+TRANSPORT]://[USER@][HOST[:PORT]]/PATH[?PARAMETERS]}. Without a transport, a URI
 * without a host goes to the local daemon's UNIX socket and one with a host uses TLS. The daemon gets
 * the URI without transport, host and the parameters the client consumes itself ({@link #daemonUri()});
 * those stay in {@link #parameters()} ({@code socket}, {@code pkipath}, {@code no_verify},
 * {@code netcat}, {@code keyfile}, {@code no_tty}, {@code command}, {@code proxy}, ...).
 *
 * @param driver e.g. qemu, test
 * @param transport UNIX, TCP, TLS or SSH
 * @param user the user for SSH, if the URI names one
 * @param host for TCP, TLS and SSH
 * @param port for TCP and TLS; for SSH -1 unless the URI names one (ssh's own default)
 * @param socket the local socket for UNIX; the far side's socket for SSH (netcat)
 * @param parameters the client-side parameters, decoded
 */
public record LibvirtUri(
        URI original,
        String driver,
        Transport transport,
        String user,
        String host,
        int port,
        Path socket,
        String daemonUri,
        Map<String, String> parameters) {

    /** How the client reaches the daemon. */
    public enum Transport {
        UNIX,
        TCP,
        TLS,
        SSH
    }

    /** libvirtd's TCP port (listen_tcp). */
    public static final int DEFAULT_TCP_PORT = 16509;
    /** libvirtd's TLS port (listen_tls). */
    public static final int DEFAULT_TLS_PORT = 16514;
    /** The privileged daemon's read-write socket. */
    public static final Path SYSTEM_SOCKET = Path.of("/var/run/libvirt/libvirt-sock");

    /** Drivers libvirt's daemon serves (virt drivers reachable through the remote driver). */
    static final Set<String> DRIVERS =
            Set.of("qemu", "test", "lxc", "libxl", "xen", "bhyve", "ch", "vbox", "vz", "openvz", "vmware", "parallels");

    private static final Set<String> UNSUPPORTED_TRANSPORTS = Set.of("libssh", "libssh2", "ext");
    /** Query parameters libvirt's client consumes itself and does not pass to the daemon. */
    private static final Set<String> CLIENT_PARAMETERS = Set.of(
            "name",
            "command",
            "socket",
            "auth",
            "netcat",
            "keyfile",
            "no_verify",
            "no_tty",
            "pkipath",
            "known_hosts",
            "known_hosts_verify",
            "sshauth",
            "mode",
            "proxy",
            "tls_priority",
            "tls");

    public LibvirtUri {
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(daemonUri, "daemonUri");
        parameters = Map.copyOf(parameters);
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
        if (UNSUPPORTED_TRANSPORTS.contains(transportName)) {
            throw new ConnectionFailedException("transport " + transportName + " in " + uri
                    + " is not supported by virtxml's pure-Java client; use qemu+ssh://HOST/system (the system ssh),"
                    + " qemu+tls://HOST/system or qemu+tcp://HOST/system");
        }
        Transport transport = switch (transportName) {
            case "" -> host == null ? Transport.UNIX : Transport.TLS;
            case "unix" -> Transport.UNIX;
            case "tcp" -> Transport.TCP;
            case "tls" -> Transport.TLS;
            case "ssh" -> Transport.SSH;
            default ->
                throw new ConnectionFailedException(
                        "unknown transport '" + transportName + "' in " + uri + " (libvirt's are unix, tcp, tls, ssh)");
        };
        if (transport == Transport.UNIX && host != null) {
            throw new ConnectionFailedException(
                    uri + " names the host " + host + ", but the unix transport reaches only"
                            + " this machine's socket; use " + driver + "+ssh://" + host + "/... or " + driver
                            + "+tls://" + host
                            + "/... to reach another host, or drop the host");
        }
        if (transport != Transport.UNIX && host == null) {
            throw new ConnectionFailedException("a " + transportName + " URI needs a host: " + uri);
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        List<String> daemonParameters = new ArrayList<>();
        Map<String, String> parameters = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String key = equals < 0 ? pair : pair.substring(0, equals);
                if (CLIENT_PARAMETERS.contains(key)) {
                    parameters.put(key, decode(equals < 0 ? "" : pair.substring(equals + 1)));
                } else {
                    daemonParameters.add(pair);
                }
            }
        }
        Optional<Path> socketParameter = Optional.ofNullable(parameters.get("socket"))
                .map(value -> {
                    if (value.isBlank()) {
                        throw new ConnectionFailedException("the socket parameter of " + uri
                                + " is empty: give the daemon's" + " socket path, e.g. ?socket=" + SYSTEM_SOCKET
                                + ", or leave the parameter out");
                    }
                    return Path.of(value);
                });
        String daemonUri =
                driver + "://" + path + (daemonParameters.isEmpty() ? "" : "?" + String.join("&", daemonParameters));
        Path socket = switch (transport) {
            case UNIX -> socketParameter.orElseGet(() -> defaultSocket(path));
            case SSH -> socketParameter.orElse(SYSTEM_SOCKET);
            default -> null;
        };
        int port = switch (transport) {
            case TCP -> uri.getPort() > 0 ? uri.getPort() : DEFAULT_TCP_PORT;
            case TLS -> uri.getPort() > 0 ? uri.getPort() : DEFAULT_TLS_PORT;
            case SSH -> uri.getPort() > 0 ? uri.getPort() : -1;
            case UNIX -> -1;
        };
        String user = uri.getUserInfo() == null || uri.getUserInfo().isEmpty() ? null : uri.getUserInfo();
        return new LibvirtUri(uri, driver, transport, user, host, port, socket, daemonUri, parameters);
    }

    /** A client-side parameter, if the URI has it. */
    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    /** True when the parameter is given as a non-zero number (libvirt's {@code no_verify=1}, {@code no_tty=1}). */
    public boolean flag(String name) {
        String value = parameters.get(name);
        return value != null && !value.isEmpty() && !value.equals("0");
    }

    /** A human name for the peer: the socket path, host:port, or ssh [user@]host[:port]. */
    public String peer() {
        return switch (transport) {
            case UNIX -> socket.toString();
            case TCP, TLS -> host + ":" + port;
            case SSH -> "ssh " + (user == null ? "" : user + "@") + host + (port > 0 ? ":" + port : "");
        };
    }

    private static Path defaultSocket(String path) {
        if (path.equals("/session")) {
            String runtime = System.getenv("XDG_RUNTIME_DIR");
            Path base = runtime != null && !runtime.isEmpty()
                    ? Path.of(runtime)
                    : Path.of(System.getProperty("user.home"), ".cache");
            return base.resolve("libvirt").resolve("libvirt-sock");
        }
        return SYSTEM_SOCKET;
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
