package io.ngisec.client.chat;

import io.ngisec.client.link.ControlJson;
import io.ngisec.client.link.ControlMessage;
import io.ngisec.client.link.LinkFeature;
import io.ngisec.client.link.MalformedControlException;
import io.ngisec.client.link.PeerLink;
import io.ngisec.client.store.PeerDatabase;
import io.ngisec.client.store.StoreException;
import io.ngisec.protocol.qos.Service;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Chat for this peer: {@link #send} writes a message on a live link and stores it SENT; the
 * receiver stores it and answers a receipt, which marks it DELIVERED; a link that ends first marks
 * it FAILED. Chat exists only while both peers are online: no link, no message (nothing queued).
 * Attach it to each link with {@link io.ngisec.client.link.LinkDispatcher} (it owns
 * {@code "chat.*"} messages).
 *
 * <p>Thread safe.
 */
public final class ChatEngine implements LinkFeature {

    /** The longest message, in characters. */
    public static final int MAX_TEXT = ChatWire.MAX_TEXT;

    private static final System.Logger LOG = System.getLogger(ChatEngine.class.getName());

    private final ChatStore store;
    private final ChatListener listener;
    private final Clock clock;
    private final Set<PeerLink> links = ConcurrentHashMap.newKeySet();
    private final Map<PeerLink, Map<UUID, Pending>> pending = new ConcurrentHashMap<>();

    private record Pending(ChatMessage message, CompletableFuture<ChatMessage> outcome) {
    }

    public ChatEngine(PeerDatabase database, ChatListener listener, Clock clock) {
        this.store = new ChatStore(database);
        this.listener = Objects.requireNonNull(listener, "listener");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public ChatEngine(PeerDatabase database, ChatListener listener) {
        this(database, listener, Clock.systemUTC());
    }

    /** Sends {@code text} to the peer of {@code link}; throws when the link is down, chat is not allowed, or the text is unfit. */
    public SentChat send(PeerLink link, String text) throws ChatException {
        if (!links.contains(link) || link.closed().isPresent()) {
            throw new ChatException(link.peer().user() + " is not connected; chat needs both peers online");
        }
        if (!link.grants().allows(Service.CHAT)) {
            throw new ChatException("the policy does not allow chat with " + link.peer().user());
        }
        if (text.isBlank() || text.length() > ChatWire.MAX_TEXT) {
            throw new ChatException("a chat message has 1 to " + ChatWire.MAX_TEXT + " characters");
        }
        ChatMessage message = new ChatMessage(UUID.randomUUID(), link.peer().user(), link.peer().deviceId(), ChatDirection.OUTGOING,
                text, clock.instant(), ChatState.SENT);
        CompletableFuture<ChatMessage> outcome = new CompletableFuture<>();
        try {
            store.insert(message);
        } catch (StoreException e) {
            throw new ChatException(e.getMessage(), e);
        }
        pending.computeIfAbsent(link, l -> new ConcurrentHashMap<>()).put(message.id(), new Pending(message, outcome));
        try {
            link.sendControl(ControlJson.encode(ChatWire.MESSAGE, new ChatWire.Message(message.id(), text)));
        } catch (IOException e) {
            settle(link, message.id(), ChatState.FAILED);
            throw new ChatException("cannot send to " + link.peer().user() + ": " + e.getMessage(), e);
        }
        return new SentChat(message, outcome);
    }

    /** The last {@code limit} messages with {@code peerUser}, oldest first. */
    public List<ChatMessage> history(String peerUser, int limit) throws ChatException {
        try {
            return store.history(peerUser, limit);
        } catch (StoreException e) {
            throw new ChatException(e.getMessage(), e);
        }
    }

    @Override
    public String typePrefix() {
        return ChatWire.PREFIX;
    }

    @Override
    public void linkUp(PeerLink link) {
        links.add(link);
    }

    @Override
    public void linkDown(PeerLink link, String reason) {
        links.remove(link);
        Map<UUID, Pending> waiting = pending.remove(link);
        if (waiting != null) {
            for (UUID id : waiting.keySet()) {
                settle(waiting, id, ChatState.FAILED);
            }
        }
    }

    @Override
    public boolean onControl(PeerLink link, ControlMessage message) throws MalformedControlException {
        switch (message.type()) {
            case ChatWire.MESSAGE -> received(link, ControlJson.decode(message, ChatWire.Message.class));
            case ChatWire.RECEIPT -> settle(link, ControlJson.decode(message, ChatWire.Receipt.class).id(), ChatState.DELIVERED);
            default -> {
                return false;
            }
        }
        return true;
    }

    private void received(PeerLink link, ChatWire.Message wire) {
        if (!link.grants().allows(Service.CHAT)) {
            return; // the policy does not allow chat on this link: dropped, no receipt
        }
        ChatMessage message = new ChatMessage(wire.id(), link.peer().user(), link.peer().deviceId(), ChatDirection.INCOMING,
                wire.text(), clock.instant(), ChatState.DELIVERED);
        boolean fresh;
        try {
            fresh = store.insert(message);
        } catch (StoreException e) {
            // Not stored, so no receipt: the sender sees it undelivered.
            LOG.log(System.Logger.Level.WARNING, "cannot store a chat message: {0}", e.getMessage());
            return;
        }
        // The listener hears of the message before the sender hears "delivered": delivered means
        // stored and handed to whoever shows it.
        if (fresh) {
            listener.received(message);
        }
        try {
            link.sendControl(ControlJson.encode(ChatWire.RECEIPT, new ChatWire.Receipt(wire.id())));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot send a receipt: {0}", e.getMessage());
        }
    }

    private void settle(PeerLink link, UUID id, ChatState state) {
        Map<UUID, Pending> waiting = pending.get(link);
        if (waiting != null) {
            settle(waiting, id, state);
        }
    }

    private void settle(Map<UUID, Pending> waiting, UUID id, ChatState state) {
        Pending p = waiting.remove(id);
        if (p == null) {
            return; // a receipt for nothing we wait for (late, repeated): nothing to do
        }
        ChatMessage done = p.message().withState(state);
        try {
            store.updateState(done, state);
        } catch (StoreException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot record chat state: {0}", e.getMessage());
        }
        p.outcome().complete(done);
        listener.stateChanged(done);
    }
}
