package org.virtxml.connect.rpc;

import java.util.Objects;
import org.virtxml.connect.xdr.XdrDecoder;

/** A decoded message: header and payload (the XDR bytes after the header). */
public final class Message {
    private final MessageHeader header;
    private final byte[] payload;

    public Message(MessageHeader header, byte[] payload) {
        this.header = Objects.requireNonNull(header, "header");
        this.payload = payload.clone();
    }

    public MessageHeader header() {
        return header;
    }

    public int payloadLength() {
        return payload.length;
    }

    public XdrDecoder payloadDecoder() {
        return new XdrDecoder(payload);
    }
}
