package io.ngisec.app.chat;

import io.ngisec.app.service.Colleague;
import io.ngisec.client.chat.ChatMessage;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Chat for the screens. Network and disk work happen off the UI thread; listeners hear on the UI
 * thread; futures complete on other threads. Implementations are thread safe.
 */
public interface ChatService {

    /** Adds {@code listener}; it hears messages from now on. */
    void addListener(ChatServiceListener listener);

    /** The stored conversation with {@code user}, oldest first. */
    CompletableFuture<List<ChatMessage>> history(String user);

    /**
     * Sends {@code text} to an online device of {@code to}; completes with the message once
     * delivered or failed, or exceptionally with a one-line reason when it could not be sent
     * (offline, the policy's denial with its rule, no receipt in time).
     */
    CompletableFuture<ChatMessage> send(Colleague to, String text);
}
