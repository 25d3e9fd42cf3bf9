package org.virtxml.connect;

/** Base of every failure a {@link Connector} reports; unchecked, like JDBC's newer drivers' runtime errors. */
public class ConnectorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConnectorException(String message) {
        super(message);
    }

    public ConnectorException(String message, Throwable cause) {
        super(message, cause);
    }
}
