package io.ngisec.app.chat;

import io.ngisec.app.transfer.TransferItem;
import io.ngisec.client.chat.ChatDirection;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One line of a conversation: a message, or a file transfer with that colleague. */
public sealed interface ConversationEntry {

    /** A message: its id (ours is a local one until sent), who wrote it, text, time, delivery, and why it failed. */
    record Message(UUID id, ChatDirection direction, String text, Instant at, Delivery delivery, String problem)
            implements ConversationEntry {
        public Message {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(direction, "direction");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(delivery, "delivery");
            Objects.requireNonNull(problem, "problem");
        }

        Message delivered(Delivery now, String why) {
            return new Message(id, direction, text, at, now, why);
        }
    }

    /** A transfer with this colleague, shown as it goes. */
    record File(TransferItem transfer) implements ConversationEntry {
        public File {
            Objects.requireNonNull(transfer, "transfer");
        }
    }
}
