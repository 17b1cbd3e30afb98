package io.ngisec.client.transfer;

import static io.ngisec.client.transfer.TransferFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.client.store.PeerDatabase;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransferResumeTest {

    private static final long SIZE = 20L * TransferLimits.CHUNK_BYTES + 123;

    @TempDir
    Path tmp;

    /** Cuts the link as alice is about to write frame {@code frames + 1}: bob has had at most {@code frames} chunks. */
    private static void killAfterFrames(TransferFixture f, int frames) {
        AtomicInteger written = new AtomicInteger();
        f.pair.a().tapData(frame -> {
            if (written.incrementAndGet() > frames) {
                f.pair.kill("receiver killed");
            }
            return frame;
        });
    }

    @Test
    void aRestartedReceiverGetsOnlyTheChunksItDidNotVerify() throws Exception {
        Path file = TransferFixture.randomFile(tmp.resolve("src"), "movie.mkv", SIZE, 11);
        Path save = tmp.resolve("save");
        Path bobDbFile = tmp.resolve("bob");
        TransferFixture f = new TransferFixture(PeerDatabase.open(tmp.resolve("alice")), PeerDatabase.open(bobDbFile),
                OfferDecider.acceptInto(save), TransferListener.NONE, TransferOptions.defaults());
        f.connect();
        killAfterFrames(f, 7);
        Transfer first = f.aliceEngine.send(f.pair.a(), List.of(file));
        Transfer bobFirst = f.bobTransfer(first.id());
        assertThat(bobFirst.awaitEnd(WAIT)).isEqualTo(TransferState.INTERRUPTED);
        assertThat(first.awaitEnd(WAIT)).isEqualTo(TransferState.INTERRUPTED);
        assertThat(f.bobDispatcher.awaitDown(WAIT)).isTrue();
        long receivedBeforeKill = bobFirst.bytesReceived();
        assertThat(receivedBeforeKill).isLessThanOrEqualTo(7L * TransferLimits.CHUNK_BYTES);

        // Bob restarts: a new engine on the same database file, a new link.
        f.bobDb.close();
        f.bobDb = PeerDatabase.open(bobDbFile);
        f.bobEngine = new TransferEngine(f.bobDb, OfferDecider.acceptInto(save), TransferListener.NONE);
        f.connect();
        List<Transfer> resumed = f.aliceEngine.resumeInterrupted(f.pair.a());

        assertThat(resumed).hasSize(1);
        Transfer second = resumed.getFirst();
        assertThat(second.awaitEnd(WAIT)).isEqualTo(TransferState.COMPLETED);
        assertThat(save.resolve("movie.mkv")).hasSameBinaryContentAs(file);
        // Every chunk bob had written was recorded when the link dropped: none of it is sent again.
        assertThat(second.bytesSent()).isEqualTo(SIZE - receivedBeforeKill);
        assertThat(f.aliceEngine.history(10)).singleElement().extracting(TransferRecord::state).isEqualTo(TransferState.COMPLETED);
        assertThat(f.bobEngine.history(10)).singleElement().extracting(TransferRecord::id).isEqualTo(second.id());
        try (Stream<Path> left = Files.list(save)) {
            assertThat(left).containsExactly(save.toRealPath().resolve("movie.mkv"));
        }
        f.close();
    }

    @Test
    void aFreshOfferOfTheSameFileFromARestartedSenderResumesToo() throws Exception {
        Path file = TransferFixture.randomFile(tmp.resolve("src"), "disk.img", SIZE, 12);
        Path save = tmp.resolve("save");
        TransferFixture f = new TransferFixture(PeerDatabase.inMemory("fresh-a"), PeerDatabase.inMemory("fresh-b"),
                OfferDecider.acceptInto(save), TransferListener.NONE, TransferOptions.defaults());
        f.connect();
        killAfterFrames(f, 4);
        Transfer first = f.aliceEngine.send(f.pair.a(), List.of(file));
        Transfer bobFirst = f.bobTransfer(first.id());
        assertThat(bobFirst.awaitEnd(WAIT)).isEqualTo(TransferState.INTERRUPTED);
        assertThat(f.bobDispatcher.awaitDown(WAIT)).isTrue();
        long receivedBeforeKill = bobFirst.bytesReceived();

        // Alice lost her database: she just sends the file again; bob matches it by device, path, size and hash.
        f.aliceEngine = new TransferEngine(PeerDatabase.inMemory("fresh-a2"), OfferDecider.declineAll("no"), TransferListener.NONE);
        f.bobEngine = new TransferEngine(f.bobDb, OfferDecider.acceptInto(save), TransferListener.NONE);
        f.connect();
        Transfer second = f.aliceEngine.send(f.pair.a(), List.of(file));

        assertThat(second.awaitEnd(WAIT)).isEqualTo(TransferState.COMPLETED);
        assertThat(second.bytesSent()).isEqualTo(SIZE - receivedBeforeKill);
        assertThat(save.resolve("disk.img")).hasSameBinaryContentAs(file);
        f.close();
    }

    @Test
    void aFullDiskFailsBothSidesWithOneLineAndAResumeFinishes() throws Exception {
        Path file = TransferFixture.randomFile(tmp.resolve("src"), "big.bin", 10L * TransferLimits.CHUNK_BYTES, 13);
        Path save = tmp.resolve("save");
        AtomicInteger writes = new AtomicInteger();
        PartFile.Opener fillsUp = part -> {
            PartFile real = PartFile.FILES.open(part);
            return new PartFile() {
                @Override
                public void write(ByteBuffer src, long position) throws IOException {
                    if (writes.incrementAndGet() > 6) {
                        throw new IOException("No space left on device");
                    }
                    real.write(src, position);
                }

                @Override
                public void sync() throws IOException {
                    real.sync();
                }

                @Override
                public void close() throws IOException {
                    real.close();
                }
            };
        };
        try (TransferFixture f = new TransferFixture(PeerDatabase.inMemory("full-a"), PeerDatabase.inMemory("full-b"),
                OfferDecider.acceptInto(save), TransferListener.NONE, TransferOptions.defaults().withPartFiles(fillsUp)).connect()) {
            Transfer sent = f.aliceEngine.send(f.pair.a(), List.of(file));
            Transfer received = f.bobTransfer(sent.id());

            assertThat(received.awaitEnd(WAIT)).isEqualTo(TransferState.FAILED);
            assertThat(received.reason()).isEqualTo("no space left on " + save.toRealPath());
            assertThat(sent.awaitEnd(WAIT)).isEqualTo(TransferState.FAILED);
            assertThat(sent.reason()).isEqualTo("bob: no space left on " + save.toRealPath());
            assertThat(save.resolve("big.bin")).doesNotExist();
            assertThat(save.resolve("big.bin" + SaveFolder.PART_SUFFIX)).exists();

            // Space freed: the same link, a resume; the six chunks written before are not sent again.
            f.bobEngine = new TransferEngine(f.bobDb, OfferDecider.acceptInto(save), TransferListener.NONE);
            f.connect();
            Transfer again = f.aliceEngine.resumeInterrupted(f.pair.a()).getFirst();
            assertThat(again.awaitEnd(WAIT)).isEqualTo(TransferState.COMPLETED);
            assertThat(again.bytesSent()).isEqualTo(4L * TransferLimits.CHUNK_BYTES);
            assertThat(save.resolve("big.bin")).hasSameBinaryContentAs(file);
        }
    }
}
