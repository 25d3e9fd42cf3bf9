package org.virtxml.connect;

/** The connection ended (daemon gone, socket closed, connector closed) before the call got its reply. */
public final class ConnectionLostException extends ConnectorException {
    private static final long serialVersionUID = 1L;

    public ConnectionLostException(String message) {
        super(message);
    }

    public ConnectionLostException(String message, Throwable cause) {
        super(message, cause);
    }
}
