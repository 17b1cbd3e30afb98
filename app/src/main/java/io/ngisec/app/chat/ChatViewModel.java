package io.ngisec.app.chat;

import io.ngisec.app.service.Colleague;
import io.ngisec.app.transfer.TransferItem;
import io.ngisec.app.transfer.TransfersViewModel;
import io.ngisec.client.chat.ChatDirection;
import io.ngisec.client.chat.ChatException;
import io.ngisec.client.chat.ChatMessage;
import io.ngisec.client.chat.ChatState;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One conversation: the stored history, then what is written and received while the window is
 * open, with each message's delivery (sending, delivered, failed) and the colleague's transfers
 * inline; the draft, sending it, files dropped on it, and the count of messages not yet seen.
 * FX thread only (futures come back through {@code ui}).
 */
public final class ChatViewModel {

    private final String user;
    private final ChatService service;
    private final TransfersViewModel transfers;
    private final Executor ui;
    private final Clock clock;
    private final ObservableList<ConversationEntry> entries = FXCollections.observableArrayList();
    private final ObservableList<ConversationEntry> entriesReadOnly = FXCollections.unmodifiableObservableList(entries);
    private final Set<UUID> known = new HashSet<>();
    private final StringProperty draft = new SimpleStringProperty(this, "draft", "");
    private final ReadOnlyBooleanWrapper online = new ReadOnlyBooleanWrapper(this, "online");
    private final ReadOnlyIntegerWrapper unread = new ReadOnlyIntegerWrapper(this, "unread");
    private final BooleanBinding canSend;
    private Colleague colleague;
    private boolean historyLoaded;

    ChatViewModel(String user, ChatService service, TransfersViewModel transfers, Executor ui, Clock clock) {
        this.user = Objects.requireNonNull(user, "user");
        this.service = Objects.requireNonNull(service, "service");
        this.transfers = Objects.requireNonNull(transfers, "transfers");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.colleague = new Colleague(user, List.of());
        canSend = Bindings.createBooleanBinding(() -> online.get() && !draft.get().isBlank(), online, draft);
    }

    public String user() {
        return user;
    }

    /** Messages and transfers, oldest first. */
    public ObservableList<ConversationEntry> entries() {
        return entriesReadOnly;
    }

    /** What the user is writing. */
    public StringProperty draftProperty() {
        return draft;
    }

    /** Whether the colleague is online (chat needs both peers online; nothing is queued). */
    public ReadOnlyBooleanProperty onlineProperty() {
        return online.getReadOnlyProperty();
    }

    public BooleanBinding canSendProperty() {
        return canSend;
    }

    /** Messages received since the conversation was last looked at. */
    public ReadOnlyIntegerProperty unreadProperty() {
        return unread.getReadOnlyProperty();
    }

    /** The colleague as the directory lists them now. */
    void colleague(Colleague now) {
        colleague = now;
        online.set(now.online());
    }

    /** Loads the stored conversation once, before what this run added. */
    public void loadHistory() {
        if (historyLoaded) {
            return;
        }
        historyLoaded = true;
        service.history(user).thenAcceptAsync(this::prepend, ui);
    }

    private void prepend(List<ChatMessage> history) {
        List<ConversationEntry> older = history.stream().filter(m -> known.add(m.id()))
                .<ConversationEntry>map(m -> new ConversationEntry.Message(m.id(), m.direction(), m.text(), m.at(), Delivery.of(m), ""))
                .toList();
        entries.addAll(0, older);
    }

    /** Sends the draft (its surrounding blank lines dropped); does nothing when it cannot be sent. */
    public void send() {
        if (!canSend.get()) {
            return;
        }
        String text = draft.get().strip();
        draft.set("");
        UUID local = UUID.randomUUID();
        ConversationEntry.Message line = new ConversationEntry.Message(local, ChatDirection.OUTGOING, text, clock.instant(),
                Delivery.SENDING, "");
        entries.add(line);
        service.send(colleague, text).whenCompleteAsync((m, e) -> {
            if (e == null) {
                known.add(m.id());
                replace(local, m.state() == ChatState.DELIVERED ? line.delivered(Delivery.DELIVERED, "")
                        : line.delivered(Delivery.FAILED, user + " did not confirm it"));
            } else {
                Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                replace(local, line.delivered(Delivery.FAILED, cause instanceof ChatException ? cause.getMessage() : cause.toString()));
            }
        }, ui);
    }

    /** A message from the colleague; counts as unread unless {@code seen}. */
    void received(ChatMessage m, boolean seen) {
        if (!known.add(m.id())) {
            return;
        }
        entries.add(new ConversationEntry.Message(m.id(), m.direction(), m.text(), m.at(), Delivery.RECEIVED, ""));
        if (!seen) {
            unread.set(unread.get() + 1);
        }
    }

    /** A transfer with the colleague, shown inline from now on. */
    void transfer(TransferItem item) {
        entries.add(new ConversationEntry.File(item));
    }

    /** The user looked at the conversation. */
    public void markRead() {
        unread.set(0);
    }

    /** Files dropped on the conversation go to the colleague. */
    public void dropFiles(List<Path> paths) {
        transfers.send(colleague, paths);
    }

    /** The transfers screen, for the inline file cards. */
    public TransfersViewModel transfers() {
        return transfers;
    }

    private void replace(UUID id, ConversationEntry.Message now) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i) instanceof ConversationEntry.Message m && m.id().equals(id)) {
                entries.set(i, now);
                return;
            }
        }
    }
}
