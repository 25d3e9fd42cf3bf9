package org.virtxml.connect;

import java.time.Duration;
import java.util.Objects;

/**
 * How a connector connects and waits. Every blocking step is bounded: setting up the connection
 * (TCP connect, TLS handshake, ssh start-up) by {@code connectTimeout}; each call (sending it,
 * including waiting behind another caller's send, and its reply) by {@code callTimeout}; closing by
 * a short fixed bound.
 *
 * @param connectTimeout how long to wait for the connection (socket, TLS handshake) to be set up
 * @param callTimeout how long one call may take, from sending to its reply
 * @param keepalive whether to ask the daemon for keepalive PINGs (answered by the client), so that
 *     the daemon drops a client that is gone, as libvirt's own client does
 */
public record ConnectOptions(Duration connectTimeout, Duration callTimeout, boolean keepalive) {
    /** The default connect timeout: 10 seconds. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** The default call timeout: 60 seconds (starting a guest can take a while). */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);

    public ConnectOptions {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(callTimeout, "callTimeout");
        if (connectTimeout.isNegative()
                || connectTimeout.isZero()
                || callTimeout.isNegative()
                || callTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    /** With keepalive. */
    public ConnectOptions(Duration connectTimeout, Duration callTimeout) {
        this(connectTimeout, callTimeout, true);
    }

    /** 10 seconds to connect, 60 seconds per call, keepalive on. */
    public static ConnectOptions defaults() {
        return new ConnectOptions(DEFAULT_CONNECT_TIMEOUT, DEFAULT_CALL_TIMEOUT, true);
    }

    public ConnectOptions withCallTimeout(Duration timeout) {
        return new ConnectOptions(connectTimeout, timeout, keepalive);
    }

    public ConnectOptions withConnectTimeout(Duration timeout) {
        return new ConnectOptions(timeout, callTimeout, keepalive);
    }

    public ConnectOptions withKeepalive(boolean on) {
        return new ConnectOptions(connectTimeout, callTimeout, on);
    }
}
