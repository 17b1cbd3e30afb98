package io.ngisec.client.transfer;

import static io.ngisec.client.transfer.TransferFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.client.store.PeerDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransferControlTest {

    private static final long SIZE = 8L * TransferLimits.CHUNK_BYTES + 5;

    @TempDir
    Path tmp;

    @Test
    void aCorruptedChunkIsNotRecordedAndIsAskedForAgain() throws Exception {
        Path file = TransferFixture.randomFile(tmp, "f.bin", SIZE, 21);
        Path save = tmp.resolve("save");
        try (TransferFixture f = TransferFixture.inMemory("corrupt", OfferDecider.acceptInto(save)).connect()) {
            AtomicBoolean flipped = new AtomicBoolean();
            f.pair.a().tapData(frame -> {
                if (frame.remaining() > ChunkFrame.HEADER_BYTES + 100 && flipped.compareAndSet(false, true)) {
                    int at = ChunkFrame.HEADER_BYTES + 100;
                    frame.put(at, (byte) (frame.get(at) ^ 0x01));
                }
                return frame;
            });
            Transfer sent = f.aliceEngine.send(f.pair.a(), List.of(file));
            Transfer received = f.bobTransfer(sent.id());

            assertThat(received.awaitEnd(WAIT)).isEqualTo(TransferState.COMPLETED);
            assertThat(f.bobEngine.badChunks(sent.id())).isEqualTo(1);
            assertThat(sent.awaitEnd(WAIT)).isEqualTo(TransferState.COMPLETED);
            // The first chunk went twice: once flipped, once on the receiver's request.
            assertThat(sent.bytesSent()).isEqualTo(SIZE + TransferLimits.CHUNK_BYTES);
            assertThat(save.resolve("f.bin")).hasSameBinaryContentAs(file);
        }
    }

    @Test
    void theSenderPausesAndResumes() throws Exception {
        Path file = TransferFixture.randomFile(tmp, "f.bin", SIZE, 22);
        try (TransferFixture f = TransferFixture.inMemory("pause-sender", OfferDecider.acceptInto(tmp.resolve("save"))).connect()) {
            f.aliceEngine = new TransferEngine(f.aliceDb, OfferDecider.declineAll("no"), new TransferListener() {
                @Override
                public void stateChanged(Transfer transfer, TransferState state, String reason) {
                    if (state == TransferState.ACCEPTED) {
                        transfer.pause(); // before the first chunk
                    }
                }
            });
            f.connect();
            Transfer sent = f.aliceEngine.send(f.pair.a(), List.of(file));
            Transfer received = f.bobTransfer(sent.id());

            assertThat(received.awaitState(TransferState.PAUSED, WAIT)).isEqualTo(TransferState.PAUSED);
            assertThat(sent.state()).isEqualTo(TransferState.PAUSED);
            assertThat(sent.bytesSent()).isZero();
            sent.resume();
            assertThat(received.awaitEnd(WAIT)).isEqualTo(TransferState.COMPLETED);
            assertThat(sent.awaitEnd(WAIT)).isEqualTo(TransferState.COMPLETED);
            assertThat(f.bobEvents).contains("PAUSED: paused by alice", "TRANSFERRING: resumed by alice");
        }
    }

    @Test
    void theReceiverPausesTheSenderAndResumesIt() throws Exception {
        Path file = TransferFixture.randomFile(tmp, "f.bin", SIZE, 23);
        TransferListener pauseOnFirstChunk = new TransferListener() {
            private final AtomicBoolean once = new AtomicBoolean();

            @Override
            public void stateChanged(Transfer transfer, TransferState state, String reason) {
                if (state == TransferState.TRANSFERRING && once.compareAndSet(false, true)) {
                    transfer.pause();
                }
            }
        };
        try (TransferFixture f = new TransferFixture(PeerDatabase.inMemory("pause-recv-a"), PeerDatabase.inMemory("pause-recv-b"),
                OfferDecider.acceptInto(tmp.resolve("save")), pauseOnFirstChunk, TransferOptions.defaults()).connect()) {
            Transfer sent = f.aliceEngine.send(f.pair.a(), List.of(file));
            Transfer received = f.bobTransfer(sent.id());

            assertThat(sent.awaitState(TransferState.PAUSED, WAIT)).isEqualTo(TransferState.PAUSED);
            assertThat(sent.reason()).isEqualTo("paused by bob");
            received.resume();
            assertThat(received.awaitEnd(WAIT)).isEqualTo(TransferState.COMPLETED);
            assertThat(sent.awaitEnd(WAIT)).isEqualTo(TransferState.COMPLETED);
            assertThat(tmp.resolve("save/f.bin")).hasSameBinaryContentAs(file);
        }
    }

    @Test
    void theSenderCancelsAndTheReceiverDeletesItsPartFile() throws Exception {
        Path file = TransferFixture.randomFile(tmp, "f.bin", SIZE, 24);
        Path save = tmp.resolve("save");
        try (TransferFixture f = TransferFixture.inMemory("cancel-sender", OfferDecider.acceptInto(save)).connect()) {
            f.aliceEngine = new TransferEngine(f.aliceDb, OfferDecider.declineAll("no"), new TransferListener() {
                @Override
                public void stateChanged(Transfer transfer, TransferState state, String reason) {
                    if (state == TransferState.ACCEPTED) {
                        transfer.pause();
                    }
                }
            });
            f.connect();
            Transfer sent = f.aliceEngine.send(f.pair.a(), List.of(file));
            Transfer received = f.bobTransfer(sent.id());
            assertThat(received.awaitState(TransferState.PAUSED, WAIT)).isEqualTo(TransferState.PAUSED);
            assertThat(save.resolve("f.bin" + SaveFolder.PART_SUFFIX)).exists();

            sent.cancel("changed my mind");

            assertThat(received.awaitEnd(WAIT)).isEqualTo(TransferState.CANCELLED);
            assertThat(received.reason()).isEqualTo("cancelled by alice: changed my mind");
            assertThat(sent.state()).isEqualTo(TransferState.CANCELLED);
            try (Stream<Path> left = Files.list(save)) {
                assertThat(left).isEmpty();
            }
            assertThat(f.bobEngine.history(1)).singleElement().extracting(TransferRecord::state).isEqualTo(TransferState.CANCELLED);
            assertThat(f.aliceEngine.history(1)).singleElement().extracting(TransferRecord::state).isEqualTo(TransferState.CANCELLED);
        }
    }

    @Test
    void theReceiverCancelsMidway() throws Exception {
        Path file = TransferFixture.randomFile(tmp, "f.bin", SIZE, 25);
        Path save = tmp.resolve("save");
        TransferListener cancelOnFirstChunk = new TransferListener() {
            @Override
            public void stateChanged(Transfer transfer, TransferState state, String reason) {
                if (state == TransferState.TRANSFERRING) {
                    transfer.cancel("disk is for other things");
                }
            }
        };
        try (TransferFixture f = new TransferFixture(PeerDatabase.inMemory("cancel-recv-a"), PeerDatabase.inMemory("cancel-recv-b"),
                OfferDecider.acceptInto(save), cancelOnFirstChunk, TransferOptions.defaults()).connect()) {
            Transfer sent = f.aliceEngine.send(f.pair.a(), List.of(file));

            assertThat(sent.awaitEnd(WAIT)).isEqualTo(TransferState.CANCELLED);
            assertThat(sent.reason()).isEqualTo("cancelled by bob: disk is for other things");
            assertThat(f.bobTransfer(sent.id()).state()).isEqualTo(TransferState.CANCELLED);
            try (Stream<Path> left = Files.list(save)) {
                assertThat(left).isEmpty();
            }
        }
    }
}
