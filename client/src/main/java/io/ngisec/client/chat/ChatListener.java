package io.ngisec.client.chat;

/** Hears chat traffic; called from link reader threads, so implementations return quickly. */
public interface ChatListener {

    /** A peer's message arrived (already stored and acknowledged). */
    default void received(ChatMessage message) {
    }

    /** One of our messages was delivered or failed. */
    default void stateChanged(ChatMessage message) {
    }

    /** A listener that ignores everything. */
    ChatListener NONE = new ChatListener() {
    };
}
