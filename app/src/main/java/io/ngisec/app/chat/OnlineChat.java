package io.ngisec.app.chat;

import io.ngisec.app.service.Colleague;
import io.ngisec.app.service.SessionServices;
import io.ngisec.client.chat.ChatEngine;
import io.ngisec.client.chat.ChatException;
import io.ngisec.client.chat.ChatListener;
import io.ngisec.client.chat.ChatMessage;
import io.ngisec.client.link.PeerLink;
import io.ngisec.client.peer.OnlinePeer;
import io.ngisec.client.server.DirectoryEntry;
import io.ngisec.client.server.ServerException;
import io.ngisec.client.session.SessionSetupException;
import io.ngisec.client.store.PeerDatabase;
import io.ngisec.protocol.qos.Service;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The real {@link ChatService} over the running {@link OnlinePeer}; also the peer's
 * {@link ChatListener}. History is read from the home's database (also before the device is
 * online). Work runs on virtual threads. Thread safe.
 */
public final class OnlineChat implements ChatService, ChatListener, AutoCloseable {

    /** How long a sent message waits for its receipt before it counts as failed. */
    static final Duration RECEIPT_TIMEOUT = Duration.ofSeconds(15);
    private static final int HISTORY = 200;

    private final Supplier<Optional<OnlinePeer>> peer;
    private final ChatEngine stored;
    private final Executor ui;
    private final ExecutorService work = Executors.newVirtualThreadPerTaskExecutor();
    private final List<ChatServiceListener> listeners = new CopyOnWriteArrayList<>();

    public OnlineChat(Supplier<Optional<OnlinePeer>> peer, PeerDatabase database, Executor ui) {
        this.peer = Objects.requireNonNull(peer, "peer");
        // Only its history is used: reading the chat table needs no link.
        this.stored = new ChatEngine(database, ChatListener.NONE);
        this.ui = Objects.requireNonNull(ui, "ui");
    }

    @Override
    public void addListener(ChatServiceListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public CompletableFuture<List<ChatMessage>> history(String user) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return stored.history(user, HISTORY);
            } catch (ChatException e) {
                throw new CompletionException(e);
            }
        }, work);
    }

    @Override
    public CompletableFuture<ChatMessage> send(Colleague to, String text) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return sendNow(to, text);
            } catch (ChatException e) {
                throw new CompletionException(e);
            }
        }, work).thenCompose(f -> f.orTimeout(RECEIPT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionallyCompose(e -> CompletableFuture.failedFuture(new ChatException(
                        "no delivery receipt from " + to.user() + " within " + RECEIPT_TIMEOUT.toSeconds() + " s"))));
    }

    private CompletableFuture<ChatMessage> sendNow(Colleague to, String text) throws ChatException {
        OnlinePeer p = peer.get().orElseThrow(() -> new ChatException("not online yet"));
        DirectoryEntry device = to.devices().stream().filter(DirectoryEntry::online).findFirst()
                .orElseThrow(() -> new ChatException(to.user() + " is offline; chat needs both of you online"));
        if (!device.services().containsKey(Service.CHAT)) {
            try {
                Optional<String> denied = p.policyDenial(device.deviceId(), Service.CHAT);
                if (denied.isPresent()) {
                    throw new ChatException("the policy does not allow chat with " + to.user() + ": " + denied.get());
                }
            } catch (ServerException e) {
                throw new ChatException(e.getMessage(), e);
            }
        }
        PeerLink link;
        try {
            link = p.connect(device.deviceId(), SessionServices.of(device, Service.CHAT));
        } catch (SessionSetupException e) {
            throw new ChatException("cannot reach " + to.user() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChatException("stopped", e);
        }
        return p.chat().send(link, text).outcome();
    }

    // ChatListener: on link reader threads.
    @Override
    public void received(ChatMessage message) {
        ui.execute(() -> listeners.forEach(l -> l.received(message)));
    }

    @Override
    public void close() {
        work.shutdownNow();
    }
}
