package org.virtxml.connect;

import java.time.Duration;
import java.util.Objects;

/**
 * How a connector connects and waits.
 *
 * @param connectTimeout how long to wait for a TCP connection to be set up
 * @param callTimeout how long one call waits for its reply
 */
public record ConnectOptions(Duration connectTimeout, Duration callTimeout) {
    public ConnectOptions {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(callTimeout, "callTimeout");
        if (connectTimeout.isNegative() || connectTimeout.isZero() || callTimeout.isNegative() || callTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    /** 10 seconds to connect, 60 seconds per call (starting a guest can take a while). */
    public static ConnectOptions defaults() {
        return new ConnectOptions(Duration.ofSeconds(10), Duration.ofSeconds(60));
    }

    public ConnectOptions withCallTimeout(Duration timeout) {
        return new ConnectOptions(connectTimeout, timeout);
    }
}
