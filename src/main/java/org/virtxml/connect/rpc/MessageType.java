package org.virtxml.connect.rpc;

import java.util.Optional;

/** virNetMessageType. */
public enum MessageType {
    CALL(0),
    REPLY(1),
    MESSAGE(2),
    STREAM(3),
    CALL_WITH_FDS(4),
    REPLY_WITH_FDS(5),
    STREAM_HOLE(6);

    private final int number;

    MessageType(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    public static Optional<MessageType> of(int number) {
        for (MessageType type : values()) {
            if (type.number == number) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
