package io.ngisec.app.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.app.testing.FakeChatService;
import io.ngisec.app.testing.FakePeerService;
import io.ngisec.app.testing.FakeTransferService;
import io.ngisec.app.testing.Samples;
import io.ngisec.app.transfer.FolderOpener;
import io.ngisec.app.transfer.TransferSnapshot;
import io.ngisec.app.transfer.TransfersViewModel;
import io.ngisec.client.chat.ChatDirection;
import io.ngisec.client.chat.ChatException;
import io.ngisec.client.chat.ChatMessage;
import io.ngisec.client.chat.ChatState;
import io.ngisec.client.transfer.Direction;
import io.ngisec.client.transfer.TransferId;
import io.ngisec.client.transfer.TransferState;
import io.ngisec.protocol.identity.DeviceId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConversationsViewModelTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final DeviceId BOB_PC = new DeviceId(UUID.randomUUID());

    private final FakePeerService peers = new FakePeerService(Samples.self());
    private final FakeChatService chat = new FakeChatService();
    private final FakeTransferService transferService = new FakeTransferService();
    private final TransfersViewModel transfers = new TransfersViewModel(transferService, FolderOpener.NONE, Runnable::run);
    private ConversationsViewModel conversations;

    @BeforeEach
    void directoryWithBobOnline() {
        peers.directory(List.of(Samples.colleague("bob", Samples.device("bob", "bob-pc", true)),
                Samples.colleague("carol", Samples.device("carol", "carol-pc", false))));
        conversations = new ConversationsViewModel(peers, chat, transfers, Runnable::run, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aSentMessageIsSendingUntilItsReceiptThenDelivered() {
        ChatViewModel bob = conversations.open("bob");
        bob.draftProperty().set("  lunch at noon?\n");
        assertThat(bob.canSendProperty().get()).isTrue();
        bob.send();

        assertThat(bob.draftProperty().get()).isEmpty();
        assertThat(chat.sends()).singleElement().satisfies(s -> {
            assertThat(s.text()).isEqualTo("lunch at noon?");
            assertThat(s.to().user()).isEqualTo("bob");
        });
        assertThat(message(bob, 0).delivery()).isEqualTo(Delivery.SENDING);
        assertThat(message(bob, 0).at()).isEqualTo(NOW);

        chat.sends().getFirst().result().complete(stored(ChatDirection.OUTGOING, "lunch at noon?", ChatState.DELIVERED));
        assertThat(bob.entries()).hasSize(1);
        assertThat(message(bob, 0).delivery()).isEqualTo(Delivery.DELIVERED);
    }

    @Test
    void aMessageThatCannotGoOutFailsWithItsReason() {
        ChatViewModel bob = conversations.open("bob");
        bob.draftProperty().set("hello");
        bob.send();
        chat.sends().getFirst().result().completeExceptionally(new CompletionException(
                new ChatException("the policy does not allow chat with bob: rule 'quiet' denies chat")));
        assertThat(message(bob, 0).delivery()).isEqualTo(Delivery.FAILED);
        assertThat(message(bob, 0).problem()).isEqualTo("the policy does not allow chat with bob: rule 'quiet' denies chat");

        bob.draftProperty().set("again");
        bob.send();
        chat.sends().get(1).result().complete(stored(ChatDirection.OUTGOING, "again", ChatState.FAILED));
        assertThat(message(bob, 1).delivery()).isEqualTo(Delivery.FAILED);
    }

    @Test
    void nothingIsSentToAnOfflineColleagueOrWhenTheDraftIsBlank() {
        ChatViewModel carol = conversations.open("carol");
        carol.draftProperty().set("hi");
        assertThat(carol.canSendProperty().get()).isFalse();
        carol.send();
        ChatViewModel bob = conversations.open("bob");
        bob.draftProperty().set("  \n ");
        bob.send();
        assertThat(chat.sends()).isEmpty();

        peers.directory(List.of(Samples.colleague("carol", Samples.device("carol", "carol-pc", true))));
        assertThat(carol.canSendProperty().get()).isTrue();
    }

    @Test
    void historyComesFirstAndAMessageAlreadyShownIsNotRepeated() {
        ChatViewModel bob = conversations.open("bob");
        ChatMessage live = stored(ChatDirection.INCOMING, "are you there?", ChatState.DELIVERED);
        chat.received(live);
        chat.historyOf("bob").complete(List.of(stored(ChatDirection.OUTGOING, "yesterday", ChatState.SENT),
                stored(ChatDirection.INCOMING, "ok", ChatState.DELIVERED), live));

        assertThat(bob.entries()).hasSize(3);
        assertThat(message(bob, 0).text()).isEqualTo("yesterday");
        assertThat(message(bob, 0).delivery()).isEqualTo(Delivery.SENT);
        assertThat(message(bob, 1).delivery()).isEqualTo(Delivery.RECEIVED);
        assertThat(message(bob, 2).text()).isEqualTo("are you there?");
    }

    @Test
    void aMessageToAClosedConversationOpensItInTheBackgroundAndCountsUnread() {
        conversations.open("carol");
        chat.received(stored(ChatDirection.INCOMING, "ping", ChatState.DELIVERED));
        chat.received(stored(ChatDirection.INCOMING, "ping again", ChatState.DELIVERED));

        ChatViewModel bob = conversations.find("bob").orElseThrow();
        assertThat(conversations.conversations()).extracting(ChatViewModel::user).containsExactly("carol", "bob");
        assertThat(conversations.selectedProperty().get().user()).isEqualTo("carol");
        assertThat(conversations.unread("bob")).isEqualTo(2);

        conversations.open("bob");
        assertThat(bob.unreadProperty().get()).isZero();
        chat.received(stored(ChatDirection.INCOMING, "seen at once", ChatState.DELIVERED));
        assertThat(bob.unreadProperty().get()).isZero();
    }

    @Test
    void transfersWithTheColleagueShowInline() {
        ChatViewModel bob = conversations.open("bob");
        transferService.changed(new TransferSnapshot(TransferId.random(), Direction.INCOMING, "bob", "a.bin", 10, 0, 0,
                Optional.empty(), TransferState.OFFERED, "offered by bob", Optional.empty(), true));
        assertThat(bob.entries()).singleElement().isInstanceOfSatisfying(ConversationEntry.File.class,
                f -> assertThat(f.transfer().awaitingAnswerProperty().get()).isTrue());
    }

    private static ConversationEntry.Message message(ChatViewModel c, int i) {
        return (ConversationEntry.Message) c.entries().get(i);
    }

    private static ChatMessage stored(ChatDirection d, String text, ChatState state) {
        return new ChatMessage(UUID.randomUUID(), "bob", BOB_PC, d, text, NOW, state);
    }
}
