package io.ngisec.app.chat;

import io.ngisec.app.service.Colleague;
import io.ngisec.app.service.PeerService;
import io.ngisec.app.service.PeerServiceListener;
import io.ngisec.app.transfer.TransferItem;
import io.ngisec.app.transfer.TransfersViewModel;
import io.ngisec.client.chat.ChatMessage;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The open conversations: one per colleague, opened by the Chat action, by a message that arrives
 * or by a transfer with them (in the background, counting unread messages), each following the
 * colleague's presence. The selected one is the one the user sees. FX thread only.
 */
public final class ConversationsViewModel {

    private final ChatService chat;
    private final TransfersViewModel transfers;
    private final Executor ui;
    private final Clock clock;
    private final ObservableList<ChatViewModel> open = FXCollections.observableArrayList();
    private final ObservableList<ChatViewModel> openReadOnly = FXCollections.unmodifiableObservableList(open);
    private final Map<String, ChatViewModel> byUser = new HashMap<>();
    private final Map<String, Colleague> directory = new HashMap<>();
    private final ObjectProperty<ChatViewModel> selected = new SimpleObjectProperty<>(this, "selected");

    public ConversationsViewModel(PeerService peers, ChatService chat, TransfersViewModel transfers, Executor ui, Clock clock) {
        this.chat = Objects.requireNonNull(chat, "chat");
        this.transfers = Objects.requireNonNull(transfers, "transfers");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.clock = Objects.requireNonNull(clock, "clock");
        peers.addListener(new PeerServiceListener() {
            @Override
            public void directoryChanged(List<Colleague> colleagues) {
                updateDirectory(colleagues);
            }
        });
        updateDirectory(peers.directory());
        chat.addListener(m -> received(m));
        transfers.items().addListener((ListChangeListener<TransferItem>) c -> {
            while (c.next()) {
                // New transfers come in at the top; history is appended below and stays out of conversations.
                if (c.wasAdded() && c.getFrom() == 0) {
                    c.getAddedSubList().forEach(item -> conversation(item.peerUser()).transfer(item));
                }
            }
        });
        selected.addListener((o, was, now) -> {
            if (now != null) {
                now.markRead();
            }
        });
    }

    /** The open conversations, in the order they opened. */
    public ObservableList<ChatViewModel> conversations() {
        return openReadOnly;
    }

    /** The conversation in view (the view sets it as the user switches; {@link #open} moves it). */
    public ObjectProperty<ChatViewModel> selectedProperty() {
        return selected;
    }

    /** Opens (or brings forward) the conversation with {@code user}. */
    public ChatViewModel open(String user) {
        ChatViewModel c = conversation(user);
        selected.set(c);
        return c;
    }

    /** The conversation with {@code user}, if open. */
    public java.util.Optional<ChatViewModel> find(String user) {
        return java.util.Optional.ofNullable(byUser.get(user));
    }

    /** Unread messages from {@code user}. */
    public int unread(String user) {
        ChatViewModel c = byUser.get(user);
        return c == null ? 0 : c.unreadProperty().get();
    }

    private ChatViewModel conversation(String user) {
        return byUser.computeIfAbsent(user, u -> {
            ChatViewModel c = new ChatViewModel(u, chat, transfers, ui, clock);
            c.colleague(directory.getOrDefault(u, new Colleague(u, List.of())));
            c.loadHistory();
            open.add(c);
            return c;
        });
    }

    private void received(ChatMessage m) {
        ChatViewModel c = conversation(m.peerUser());
        c.received(m, selected.get() == c);
    }

    private void updateDirectory(List<Colleague> colleagues) {
        directory.clear();
        colleagues.forEach(c -> directory.put(c.user(), c));
        byUser.forEach((user, c) -> c.colleague(directory.getOrDefault(user, new Colleague(user, List.of()))));
    }
}
