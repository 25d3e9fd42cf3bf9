package org.virtxml.connect;

/** The peer sent bytes that are not libvirt's RPC protocol; the connection is closed. */
public final class ProtocolViolationException extends ConnectorException {
    private static final long serialVersionUID = 1L;

    public ProtocolViolationException(String message) {
        super(message);
    }

    public ProtocolViolationException(String message, Throwable cause) {
        super(message, cause);
    }
}
