package io.ngisec.client.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.client.link.ControlJson;
import io.ngisec.client.link.ControlMessage;
import io.ngisec.client.link.LinkDispatcher;
import io.ngisec.client.link.MemoryLinkPair;
import io.ngisec.client.store.PeerDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** A peer that offers hostile names by hand (our sender never would) is declined, and nothing is written. */
class UnsafeOfferTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"../escape.txt", "/etc/passwd", "a//b", "NUL", "dir/ends.", "x\u0001y"})
    void unsafeNamesAreDeclined(String name) throws Exception {
        Path save = tmp.resolve("save");
        MemoryLinkPair pair = new MemoryLinkPair(MemoryLinkPair.peer("mallory"), MemoryLinkPair.peer("bob"), MemoryLinkPair.ALL);
        try (PeerDatabase db = PeerDatabase.inMemory("unsafe-" + Math.abs(name.hashCode()))) {
            TransferEngine bob = new TransferEngine(db, OfferDecider.acceptInto(save), TransferListener.NONE);
            LinkDispatcher dispatcher = LinkDispatcher.start(pair.b(), List.of(bob));
            UUID id = UUID.randomUUID();
            pair.a().sendControl(FileMessageCodec.encode(new FileMessage.Offer(id, TransferLimits.CHUNK_BYTES, 1, 0)));
            pair.a().sendControl(FileMessageCodec.encode(new FileMessage.Entries(id,
                    List.of(new FileMessage.EntryInfo(0, name, 0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")))));

            ControlMessage reply = ControlJson.parse(pair.a().receiveControl(Duration.ofSeconds(30)).orElseThrow());
            FileMessage.Decline decline = ControlJson.decode(reply, FileMessage.Decline.class);
            assertThat(reply.type()).isEqualTo("file.decline");
            assertThat(decline.reason()).startsWith("unsafe file name: ");
            assertThat(decline.denied()).isFalse();
            assertThat(save).doesNotExist();
            assertThat(tmp.getParent().resolve("escape.txt")).doesNotExist();
            assertThat(dispatcher.stats().dropped()).isZero();
            pair.kill("done");
        }
    }
}
