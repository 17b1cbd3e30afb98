package io.ngisec.client.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ngisec.client.link.LinkDispatcher;
import io.ngisec.client.link.MemoryLinkPair;
import io.ngisec.client.link.PeerInfo;
import io.ngisec.client.store.PeerDatabase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChatEngineTest {

    private final PeerInfo alice = MemoryLinkPair.peer("alice");
    private final PeerInfo bob = MemoryLinkPair.peer("bob");
    private final List<ChatMessage> bobInbox = new CopyOnWriteArrayList<>();
    private PeerDatabase aliceDb;
    private PeerDatabase bobDb;
    private ChatEngine aliceChat;
    private ChatEngine bobChat;
    private MemoryLinkPair pair;

    @BeforeEach
    void peers() throws Exception {
        aliceDb = PeerDatabase.inMemory("chat-alice");
        bobDb = PeerDatabase.inMemory("chat-bob");
        aliceChat = new ChatEngine(aliceDb, ChatListener.NONE);
        bobChat = new ChatEngine(bobDb, new ChatListener() {
            @Override
            public void received(ChatMessage message) {
                bobInbox.add(message);
            }
        });
        pair = new MemoryLinkPair(alice, bob, MemoryLinkPair.ALL);
    }

    @AfterEach
    void close() {
        pair.kill("test over");
        aliceDb.close();
        bobDb.close();
    }

    @Test
    void aMessageIsDeliveredWithAReceiptAndKeptInBothHistories() throws Exception {
        LinkDispatcher.start(pair.a(), List.of(aliceChat));
        LinkDispatcher.start(pair.b(), List.of(bobChat));

        SentChat sent = aliceChat.send(pair.a(), "hello bob");
        ChatMessage outcome = sent.outcome().get(30, TimeUnit.SECONDS);

        assertThat(outcome.state()).isEqualTo(ChatState.DELIVERED);
        assertThat(aliceChat.history("bob", 10)).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo(sent.message().id());
            assertThat(m.direction()).isEqualTo(ChatDirection.OUTGOING);
            assertThat(m.state()).isEqualTo(ChatState.DELIVERED);
            assertThat(m.text()).isEqualTo("hello bob");
        });
        assertThat(bobChat.history("alice", 10)).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo(sent.message().id());
            assertThat(m.direction()).isEqualTo(ChatDirection.INCOMING);
            assertThat(m.peerDevice()).isEqualTo(alice.deviceId());
        });
        assertThat(bobInbox).extracting(ChatMessage::text).containsExactly("hello bob");
    }

    @Test
    void aRepeatedMessageIsStoredOnceAndAcknowledgedAgain() throws Exception {
        LinkDispatcher.start(pair.b(), List.of(bobChat));
        String json = "{\"type\":\"chat.message\",\"id\":\"0f8fad5b-d9cb-469f-a165-70867728950e\",\"text\":\"twice\"}";
        pair.a().sendControl(json);
        pair.a().sendControl(json);

        assertThat(pair.a().receiveControl(Duration.ofSeconds(30))).hasValueSatisfying(r -> assertThat(r).contains("chat.receipt"));
        assertThat(pair.a().receiveControl(Duration.ofSeconds(30))).hasValueSatisfying(r -> assertThat(r).contains("chat.receipt"));
        assertThat(bobChat.history("alice", 10)).hasSize(1);
        assertThat(bobInbox).hasSize(1);
    }

    @Test
    void aLinkThatEndsBeforeTheReceiptFailsTheMessage() throws Exception {
        LinkDispatcher aliceSide = LinkDispatcher.start(pair.a(), List.of(aliceChat));
        // Bob's side reads nothing: no receipt can come.
        SentChat sent = aliceChat.send(pair.a(), "anyone there?");
        pair.kill("network gone");

        assertThat(sent.outcome().get(30, TimeUnit.SECONDS).state()).isEqualTo(ChatState.FAILED);
        assertThat(aliceSide.awaitDown(Duration.ofSeconds(30))).isTrue();
        assertThat(aliceChat.history("bob", 10)).singleElement().extracting(ChatMessage::state).isEqualTo(ChatState.FAILED);
        assertThatThrownBy(() -> aliceChat.send(pair.a(), "still?"))
                .isInstanceOf(ChatException.class).hasMessage("bob is not connected; chat needs both peers online");
    }

    @Test
    void emptyOrOverlongTextIsRefused() {
        LinkDispatcher.start(pair.a(), List.of(aliceChat));
        assertThatThrownBy(() -> aliceChat.send(pair.a(), " ")).isInstanceOf(ChatException.class);
        assertThatThrownBy(() -> aliceChat.send(pair.a(), "x".repeat(8001))).isInstanceOf(ChatException.class);
    }
}
