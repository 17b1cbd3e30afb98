package io.ngisec.app.chat;

import io.ngisec.client.chat.ChatMessage;

/** Hears what a {@link ChatService} receives, on the UI thread. */
public interface ChatServiceListener {

    /** A colleague's message arrived (stored, and its receipt on the way). */
    void received(ChatMessage message);
}
