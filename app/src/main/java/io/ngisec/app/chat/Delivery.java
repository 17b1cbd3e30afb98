package io.ngisec.app.chat;

import io.ngisec.client.chat.ChatDirection;
import io.ngisec.client.chat.ChatMessage;

/** Where a message of the conversation is, as its line says it. */
public enum Delivery {
    /** Ours, on its way (connecting, or waiting for the receipt). */
    SENDING("sending"),
    /** Ours, from an earlier run that ended before its receipt came. */
    SENT("sent, no receipt"),
    DELIVERED("delivered"),
    FAILED("failed"),
    /** Theirs. */
    RECEIVED("");

    private final String label;

    Delivery(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** How a stored message reads: a SENT one never got its receipt. */
    static Delivery of(ChatMessage m) {
        if (m.direction() == ChatDirection.INCOMING) {
            return RECEIVED;
        }
        return switch (m.state()) {
            case SENT -> SENT;
            case DELIVERED -> DELIVERED;
            case FAILED -> FAILED;
        };
    }
}
