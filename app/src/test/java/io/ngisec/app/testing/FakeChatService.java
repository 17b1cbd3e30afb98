package io.ngisec.app.testing;

import io.ngisec.app.chat.ChatService;
import io.ngisec.app.chat.ChatServiceListener;
import io.ngisec.app.service.Colleague;
import io.ngisec.client.chat.ChatMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** A {@link ChatService} whose answers the test completes by hand; listeners hear at once on the calling thread. */
public final class FakeChatService implements ChatService {

    /** One send as the screen asked for it. */
    public record Send(Colleague to, String text, CompletableFuture<ChatMessage> result) {
    }

    private final List<ChatServiceListener> listeners = new ArrayList<>();
    private final List<Send> sends = new ArrayList<>();
    private final Map<String, CompletableFuture<List<ChatMessage>>> histories = new HashMap<>();

    public void received(ChatMessage m) {
        listeners.forEach(l -> l.received(m));
    }

    public List<Send> sends() {
        return sends;
    }

    /** The history request for {@code user} (made when its conversation opened). */
    public CompletableFuture<List<ChatMessage>> historyOf(String user) {
        return histories.computeIfAbsent(user, u -> new CompletableFuture<>());
    }

    @Override
    public void addListener(ChatServiceListener listener) {
        listeners.add(listener);
    }

    @Override
    public CompletableFuture<List<ChatMessage>> history(String user) {
        return historyOf(user);
    }

    @Override
    public CompletableFuture<ChatMessage> send(Colleague to, String text) {
        CompletableFuture<ChatMessage> f = new CompletableFuture<>();
        sends.add(new Send(to, text, f));
        return f;
    }
}
