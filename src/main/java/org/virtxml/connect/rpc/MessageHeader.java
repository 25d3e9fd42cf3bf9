package org.virtxml.connect.rpc;

import java.util.Objects;

/** virNetMessageHeader: the 24 bytes after the length word of every message. */
public record MessageHeader(
        int program, int version, int procedure, MessageType type, int serial, MessageStatus status) {
    public MessageHeader {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
    }

    public static MessageHeader call(Procedure procedure, int serial) {
        return new MessageHeader(
                procedure.program(),
                procedure.version(),
                procedure.number(),
                MessageType.CALL,
                serial,
                MessageStatus.OK);
    }

    public boolean isFor(Procedure procedure) {
        return program == procedure.program() && version == procedure.version() && this.procedure == procedure.number();
    }
}
