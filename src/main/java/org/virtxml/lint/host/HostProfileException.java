package org.virtxml.lint.host;

/** A host description that cannot be read; the message says why and, for XML, where. */
public final class HostProfileException extends Exception {

    private static final long serialVersionUID = 1L;

    public HostProfileException(String message) {
        super(message);
    }

    public HostProfileException(String message, Throwable cause) {
        super(message, cause);
    }
}
