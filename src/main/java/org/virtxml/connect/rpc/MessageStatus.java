package org.virtxml.connect.rpc;

import java.util.Optional;

/** virNetMessageStatus. */
public enum MessageStatus {
    OK(0),
    ERROR(1),
    CONTINUE(2);

    private final int number;

    MessageStatus(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    public static Optional<MessageStatus> of(int number) {
        for (MessageStatus status : values()) {
            if (status.number == number) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
