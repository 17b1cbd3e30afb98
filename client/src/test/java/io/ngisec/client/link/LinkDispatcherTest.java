package io.ngisec.client.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.client.chat.ChatEngine;
import io.ngisec.client.chat.ChatListener;
import io.ngisec.client.store.PeerDatabase;
import io.ngisec.client.transfer.OfferDecider;
import io.ngisec.client.transfer.TransferEngine;
import io.ngisec.client.transfer.TransferListener;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkDispatcherTest {

    @Test
    void malformedAndUnknownMessagesAreCountedAndTheLinkKeepsWorking() throws Exception {
        MemoryLinkPair pair = new MemoryLinkPair(MemoryLinkPair.peer("alice"), MemoryLinkPair.peer("bob"), MemoryLinkPair.ALL);
        try (PeerDatabase db = PeerDatabase.inMemory("dispatch")) {
            LinkDispatcher bob = LinkDispatcher.start(pair.b(), List.of(
                    new TransferEngine(db, OfferDecider.declineAll("no"), TransferListener.NONE), new ChatEngine(db, ChatListener.NONE)));
            for (String bad : List.of("not json", "[1,2]", "{}", "{\"type\":42}", "{\"type\":\"\"}",
                    "{\"type\":\"file.accept\",\"transfer\":\"not-a-uuid\"}", "{\"type\":\"file.accept\"}",
                    "{\"type\":\"chat.message\",\"id\":\"0f8fad5b-d9cb-469f-a165-70867728950e\",\"text\":\"\"}",
                    "{\"type\":\"file.have\",\"transfer\":\"0f8fad5b-d9cb-469f-a165-70867728950e\",\"entry\":0,\"ranges\":[5,1]}",
                    "{\"type\":\"chat.message\",\"type\":\"chat.message\"}")) {
                pair.a().sendControl(bad);
            }
            for (String unknown : List.of("{\"type\":\"call.ring\"}", "{\"type\":\"file.teleport\"}", "{\"type\":\"chat.typing\"}")) {
                pair.a().sendControl(unknown);
            }
            pair.a().sendControl("{\"type\":\"chat.message\",\"id\":\"0f8fad5b-d9cb-469f-a165-70867728950e\",\"text\":\"still here\"}");

            assertThat(pair.a().receiveControl(Duration.ofSeconds(30))).hasValueSatisfying(r -> assertThat(r).contains("chat.receipt"));
            // The receipt goes out inside the handler, just before the dispatcher counts it.
            for (int i = 0; i < 3000 && bob.stats().handled() == 0; i++) {
                Thread.sleep(1);
            }
            assertThat(bob.stats()).isEqualTo(new DispatchStats(1, 10, 3, 0));
            pair.kill("done");
            assertThat(bob.awaitDown(Duration.ofSeconds(30))).isTrue();
        }
    }
}
