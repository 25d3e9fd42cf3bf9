package org.virtxml.connect.xdr;

/** Bytes that do not decode as the XDR type expected, or a value that XDR cannot encode. */
public final class XdrException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public XdrException(String message) {
        super(message);
    }
}
