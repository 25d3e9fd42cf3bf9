package org.virtxml.connect;

import java.time.Duration;

/** A call got no reply within its timeout. The connection stays usable; a late reply is dropped. */
public final class CallTimeoutException extends ConnectorException {
    private static final long serialVersionUID = 1L;
    private final transient Duration timeout;

    public CallTimeoutException(String message, Duration timeout) {
        super(message);
        this.timeout = timeout;
    }

    public Duration timeout() {
        return timeout;
    }
}
