package io.ngisec.client.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.client.chat.ChatEngine;
import io.ngisec.client.chat.ChatListener;
import io.ngisec.client.link.LinkDispatcher;
import io.ngisec.client.store.PeerDatabase;
import io.ngisec.client.testing.LoopbackLinks;
import io.ngisec.client.testing.SeededFiles;
import io.ngisec.client.testing.TestOrg;
import io.ngisec.client.transfer.OfferDecider;
import io.ngisec.client.transfer.Transfer;
import io.ngisec.client.transfer.TransferEngine;
import io.ngisec.client.transfer.TransferListener;
import io.ngisec.client.transfer.TransferState;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transfer engine over a real NGISec session in one JVM (loopback ICE, handshake, record
 * layer), against the bare link it runs on, in the same run: what the engine's own work (chunk
 * hashing, part file writes and syncs, the database, the final whole-file check) costs without
 * process start-up. Not part of {@code mvn verify} (the name matches no test pattern); run it with
 * {@code mvn -B -o -pl client -am verify -Dtest=TransferEngineBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class TransferEngineBenchmark {

    private static final long SIZE = 1L << 30;

    @TempDir
    Path dir;

    @Test
    void oneGibibyteOverTheEngineAndOverTheBareLink() throws Exception {
        Path file = dir.resolve("f.bin");
        String sha = SeededFiles.write(file, SIZE, 1);
        try (LoopbackLinks links = new LoopbackLinks(TestOrg.ALL_GRANTS, 0);
                PeerDatabase a = PeerDatabase.inMemory("a"); PeerDatabase b = PeerDatabase.open(dir.resolve("bdb"))) {
            // raw link throughput first
            LoopbackLinks.Pair raw = links.connect();
            long t0 = System.nanoTime();
            Thread w = Thread.ofPlatform().start(() -> {
                try {
                    ByteBuffer chunk = ByteBuffer.allocate(1 << 20);
                    for (long i = 0; i < SIZE >> 20; i++) {
                        raw.alice().writeData(chunk.clear());
                    }
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            ByteBuffer sink = ByteBuffer.allocate(1 << 20);
            for (long got = 0; got < SIZE; ) {
                got += raw.bob().readData(sink.clear());
            }
            w.join();
            System.out.printf("bare link: 1 GiB in 1 MiB writes, %.1f MB/s%n", SIZE / ((System.nanoTime() - t0) / 1e9) / 1e6);
            raw.alice().close();

            TransferEngine sender = new TransferEngine(a, OfferDecider.declineAll("no"), TransferListener.NONE);
            TransferEngine receiver = new TransferEngine(b, OfferDecider.acceptInto(dir.resolve("in")), TransferListener.NONE);
            Files.createDirectories(dir.resolve("in"));
            LoopbackLinks.Pair pair = links.connect();
            LinkDispatcher.start(pair.alice(), List.of(sender, new ChatEngine(a, ChatListener.NONE)));
            LinkDispatcher.start(pair.bob(), List.of(receiver, new ChatEngine(b, ChatListener.NONE)));
            long t1 = System.nanoTime();
            Transfer t = sender.send(pair.alice(), List.of(file));
            t.awaitState(TransferState.TRANSFERRING, Duration.ofSeconds(60));
            long t2 = System.nanoTime();
            TransferState end = t.awaitEnd(Duration.ofMinutes(5));
            long t3 = System.nanoTime();
            System.out.printf("engine: %s, offer (hashing the file) %.1f s, transfer to verified %.1f s = %.1f MB/s%n", end,
                    (t2 - t1) / 1e9, (t3 - t2) / 1e9, SIZE / ((t3 - t2) / 1e9) / 1e6);
            assertThat(end).isEqualTo(TransferState.COMPLETED);
            assertThat(SeededFiles.sha256(dir.resolve("in").resolve("f.bin"))).isEqualTo(sha);
        }
    }
}
