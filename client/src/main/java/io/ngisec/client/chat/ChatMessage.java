package io.ngisec.client.chat;

import io.ngisec.protocol.identity.DeviceId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One chat message in the history: the writer's id, the peer, direction, text, local time, state. */
public record ChatMessage(UUID id, String peerUser, DeviceId peerDevice, ChatDirection direction, String text,
        Instant at, ChatState state) {

    public ChatMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(peerUser, "peerUser");
        Objects.requireNonNull(peerDevice, "peerDevice");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(state, "state");
    }

    ChatMessage withState(ChatState next) {
        return new ChatMessage(id, peerUser, peerDevice, direction, text, at, next);
    }
}
