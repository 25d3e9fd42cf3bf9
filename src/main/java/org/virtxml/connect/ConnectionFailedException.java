package org.virtxml.connect;

/** The connection could not be set up: socket missing, connection refused, unsupported transport or authentication. */
public final class ConnectionFailedException extends ConnectorException {
    private static final long serialVersionUID = 1L;

    public ConnectionFailedException(String message) {
        super(message);
    }

    public ConnectionFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
