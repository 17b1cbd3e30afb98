package io.ngisec.client.diag;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.client.store.PeerDatabase;
import io.ngisec.client.testing.LoopbackLinks;
import io.ngisec.client.testing.TestOrg;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A real session over loopback, recorded while it lives and after it ends. */
class SessionRecorderTest {

    @Test
    void recordsTheLiveSessionAndHowItEnded() throws Exception {
        try (PeerDatabase db = PeerDatabase.inMemory("recorder");
                LoopbackLinks links = new LoopbackLinks(TestOrg.ALL_GRANTS, 0)) {
            SessionLogTable table = new SessionLogTable(db);
            SessionRecorder recorder = new SessionRecorder(table, Clock.systemUTC());
            LoopbackLinks.Pair pair = links.connect();
            recorder.watch(pair.alice());
            pair.alice().writeData(ByteBuffer.allocate(200_000));
            ByteBuffer sink = ByteBuffer.allocate(64 * 1024);
            for (long got = 0; got < 200_000; ) {
                got += pair.bob().readData(sink.clear());
            }
            List<SessionSummary> live = awaitRows(table, s -> s.bytesSent() >= 200_000 && s.endedAt().isEmpty());
            SessionSummary s = live.get(0);
            assertThat(s.peerUser()).isEqualTo("bob");
            assertThat(s.initiator()).isTrue();
            assertThat(s.localType()).isEqualTo("host");
            assertThat(s.pathKind()).isEqualTo("direct");
            assertThat(s.remoteAddress()).startsWith("127.0.0.1:");
            assertThat(s.cipher()).contains("AESGCM");
            assertThat(s.classes()).contains("BULK dscp 10");
            assertThat(s.peerFingerprint()).hasSize(64);

            pair.alice().close();
            List<SessionSummary> ended = awaitRows(table, r -> r.endedAt().isPresent());
            assertThat(ended.get(0).endReason()).contains("closed");
            assertThat(ended.get(0).bytesSent()).isGreaterThanOrEqualTo(200_000);
            recorder.close();
        }
    }

    private static List<SessionSummary> awaitRows(SessionLogTable table, java.util.function.Predicate<SessionSummary> ok)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            List<SessionSummary> rows = table.recent(Optional.empty(), 10);
            if (!rows.isEmpty() && ok.test(rows.get(0))) {
                return rows;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no row as expected: " + rows);
            }
            Thread.sleep(100);
        }
    }
}
