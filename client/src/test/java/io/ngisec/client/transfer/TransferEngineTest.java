package io.ngisec.client.transfer;

import static io.ngisec.client.transfer.TransferFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ngisec.client.link.MemoryLinkPair;
import io.ngisec.client.store.PeerDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransferEngineTest {

    @TempDir
    Path tmp;

    @Test
    void filesAndAFolderArriveBitExactUnderTheirNames() throws Exception {
        Path src = tmp.resolve("src");
        Path big = TransferFixture.randomFile(src, "big.bin", 3L * TransferLimits.CHUNK_BYTES + 17, 1);
        Path empty = TransferFixture.randomFile(src, "empty.txt", 0, 2);
        TransferFixture.randomFile(src, "photos/2024/a.jpg", 5000, 3);
        TransferFixture.randomFile(src, "photos/b.jpg", TransferLimits.CHUNK_BYTES, 4);
        Path save = tmp.resolve("save");
        try (TransferFixture f = TransferFixture.inMemory("bitexact", OfferDecider.acceptInto(save)).connect()) {
            Transfer sent = f.aliceEngine.send(f.pair.a(), List.of(big, empty, src.resolve("photos")));

            assertThat(sent.awaitEnd(WAIT)).isEqualTo(TransferState.COMPLETED);
            assertThat(f.bobTransfer(sent.id()).awaitEnd(WAIT)).isEqualTo(TransferState.COMPLETED);
            assertThat(sent.entries()).extracting(TransferEntry::relativePath)
                    .containsExactly("big.bin", "empty.txt", "photos/2024/a.jpg", "photos/b.jpg");
            for (String name : List.of("big.bin", "empty.txt", "photos/2024/a.jpg", "photos/b.jpg")) {
                assertThat(save.resolve(name)).hasSameBinaryContentAs(src.resolve(name));
            }
            try (Stream<Path> all = Files.walk(save)) {
                assertThat(all.filter(p -> p.toString().endsWith(SaveFolder.PART_SUFFIX))).isEmpty();
            }
            assertThat(sent.bytesSent()).isEqualTo(sent.totalBytes());
            assertThat(f.aliceEngine.history(10)).singleElement().satisfies(r -> {
                assertThat(r.state()).isEqualTo(TransferState.COMPLETED);
                assertThat(r.direction()).isEqualTo(Direction.OUTGOING);
            });
            assertThat(f.bobEngine.history(10)).singleElement().extracting(TransferRecord::state).isEqualTo(TransferState.COMPLETED);
        }
    }

    @Test
    void progressEndsAtTheTotal() throws Exception {
        Path file = TransferFixture.randomFile(tmp, "f.bin", 5L * TransferLimits.CHUNK_BYTES, 5);
        List<TransferProgress> seen = new CopyOnWriteArrayList<>();
        TransferListener listener = new TransferListener() {
            @Override
            public void progress(Transfer transfer, TransferProgress progress) {
                seen.add(progress);
            }
        };
        try (TransferFixture f = new TransferFixture(PeerDatabase.inMemory("progress-a"), PeerDatabase.inMemory("progress-b"),
                OfferDecider.acceptInto(tmp.resolve("save")), listener, TransferOptions.defaults()).connect()) {
            Transfer sent = f.aliceEngine.send(f.pair.a(), List.of(file));
            assertThat(f.bobTransfer(sent.id()).awaitEnd(WAIT)).isEqualTo(TransferState.COMPLETED);
            assertThat(seen).isNotEmpty();
            TransferProgress last = seen.getLast();
            assertThat(last.bytesDone()).isEqualTo(last.bytesTotal()).isEqualTo(file.toFile().length());
            assertThat(last.eta()).hasValue(java.time.Duration.ZERO);
            assertThat(seen).extracting(TransferProgress::bytesDone).isSorted();
        }
    }

    @Test
    void aDeclineReachesTheSenderWithItsReason() throws Exception {
        Path file = TransferFixture.randomFile(tmp, "f.bin", 100, 6);
        try (TransferFixture f = TransferFixture.inMemory("decline", OfferDecider.declineAll("not today")).connect()) {
            Transfer sent = f.aliceEngine.send(f.pair.a(), List.of(file));
            assertThat(sent.awaitEnd(WAIT)).isEqualTo(TransferState.DECLINED);
            assertThat(sent.reason()).contains("not today");
            assertThat(f.bobEngine.history(10)).singleElement().extracting(TransferRecord::state).isEqualTo(TransferState.DECLINED);
        }
    }

    @Test
    void aFileOverTheGrantIsRefusedBeforeItIsOffered() throws Exception {
        Path file = TransferFixture.randomFile(tmp, "f.bin", 1001, 7);
        var grants = MemoryLinkPair.grants(OptionalLong.of(1000));
        try (TransferFixture f = TransferFixture.inMemory("grant-send", OfferDecider.acceptInto(tmp)).connect(grants, grants)) {
            assertThatThrownBy(() -> f.aliceEngine.send(f.pair.a(), List.of(file)))
                    .isInstanceOfSatisfying(TransferException.class, e -> assertThat(e.state()).isEqualTo(TransferState.DENIED))
                    .hasMessage("f.bin is 1001 bytes; the policy allows at most 1000 bytes with bob");
            assertThat(f.aliceEngine.history(10)).isEmpty();
        }
    }

    @Test
    void theReceiverDeniesAnOfferOverItsGrant() throws Exception {
        Path file = TransferFixture.randomFile(tmp, "f.bin", 1001, 8);
        try (TransferFixture f = TransferFixture.inMemory("grant-receive", OfferDecider.acceptInto(tmp.resolve("save")))
                .connect(MemoryLinkPair.ALL, MemoryLinkPair.grants(OptionalLong.of(1000)))) {
            Transfer sent = f.aliceEngine.send(f.pair.a(), List.of(file));
            assertThat(sent.awaitEnd(WAIT)).isEqualTo(TransferState.DENIED);
            assertThat(sent.reason()).isEqualTo("f.bin is 1001 bytes; the policy allows at most 1000 bytes");
            assertThat(tmp.resolve("save")).doesNotExist();
        }
    }

    @Test
    void anExistingFileIsNeverOverwritten() throws Exception {
        Path file = TransferFixture.randomFile(tmp.resolve("src"), "report.pdf", 2000, 9);
        Path save = Files.createDirectories(tmp.resolve("save"));
        Files.writeString(save.resolve("report.pdf"), "mine");
        Files.writeString(save.resolve("report (1).pdf"), "mine too");
        try (TransferFixture f = TransferFixture.inMemory("no-overwrite", OfferDecider.acceptInto(save)).connect()) {
            Transfer sent = f.aliceEngine.send(f.pair.a(), List.of(file));
            Transfer received = f.bobTransfer(sent.id());
            assertThat(received.awaitEnd(WAIT)).isEqualTo(TransferState.COMPLETED);
            assertThat(save.resolve("report.pdf")).hasContent("mine");
            assertThat(save.resolve("report (1).pdf")).hasContent("mine too");
            assertThat(save.resolve("report (2).pdf")).hasSameBinaryContentAs(file);
            assertThat(received.savedAs(0)).hasValue(save.toRealPath().resolve("report (2).pdf"));
        }
    }

    @Test
    void missingFilesAndDownLinksFailWithOneLine() throws Exception {
        try (TransferFixture f = TransferFixture.inMemory("missing", OfferDecider.acceptInto(tmp)).connect()) {
            assertThatThrownBy(() -> f.aliceEngine.send(f.pair.a(), List.of(tmp.resolve("nope.txt"))))
                    .isInstanceOf(TransferException.class).hasMessageStartingWith("no such file or folder: ");
            f.pair.kill("gone");
            assertThat(f.aliceDispatcher.awaitDown(WAIT)).isTrue();
            Path file = TransferFixture.randomFile(tmp, "f.bin", 10, 10);
            assertThatThrownBy(() -> f.aliceEngine.send(f.pair.a(), List.of(file)))
                    .isInstanceOf(TransferException.class).hasMessage("not connected to bob");
        }
    }
}
