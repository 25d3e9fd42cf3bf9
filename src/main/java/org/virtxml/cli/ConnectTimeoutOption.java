package org.virtxml.cli;

import java.time.Duration;
import org.virtxml.connect.ConnectOptions;
import org.virtxml.connect.ConnectorException;
import picocli.CommandLine.Option;

/**
 * {@code --timeout SECONDS} of the verbs that connect: bounds setting up the connection and each call
 * to the daemon. A picocli mixin; also words connection failures so that the URI appears once.
 */
final class ConnectTimeoutOption {

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            description =
                    "Bound on connecting and on each call to the daemon (default: 10 s to connect, 60 s per call).")
    Integer seconds;

    /** The options these arguments ask for. */
    ConnectOptions options() {
        if (seconds == null) {
            return ConnectOptions.defaults();
        }
        Duration timeout = Duration.ofSeconds(seconds);
        return ConnectOptions.defaults().withConnectTimeout(timeout).withCallTimeout(timeout);
    }

    /** Null when the value is usable, else why not. */
    String problem() {
        return seconds != null && seconds <= 0
                ? "--timeout must be a positive number of seconds, not " + seconds
                : null;
    }

    /** "URI: message", unless the message names the URI already. */
    static String describe(String uri, ConnectorException e) {
        return describe(uri, e.getMessage());
    }

    /** "URI: message", unless the message names the URI already. */
    static String describe(String uri, String message) {
        return message != null && message.contains(uri) ? message : uri + ": " + message;
    }
}
