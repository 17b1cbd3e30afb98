package io.ngisec.client.chat;

import java.util.Objects;
import java.util.UUID;

/** The control messages of chat: {@code chat.message} and its {@code chat.receipt}. */
final class ChatWire {

    static final String PREFIX = "chat.";
    static final String MESSAGE = "chat.message";
    static final String RECEIPT = "chat.receipt";

    /** Longest chat text, in characters (its JSON stays well under the control limit). */
    static final int MAX_TEXT = 8000;

    private ChatWire() {
    }

    /** A message with the writer's id. */
    record Message(UUID id, String text) {
        Message {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(text, "text");
            if (text.isEmpty() || text.length() > MAX_TEXT) {
                throw new IllegalArgumentException("chat text empty or too long");
            }
        }
    }

    /** The receiver stored message {@code id}. */
    record Receipt(UUID id) {
        Receipt {
            Objects.requireNonNull(id, "id");
        }
    }
}
