package io.ngisec.app.tour;

import io.ngisec.app.transfer.TransferItem;
import io.ngisec.client.transfer.Direction;
import io.ngisec.client.transfer.TransferState;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/** A file sent to the contact through the Send files action, its row in the transfers list completed. */
final class TransferStep implements TourStep {

    /** Big enough for the row to show a real rate, small enough to take a few seconds on loopback. */
    private static final int SIZE = 64 << 20;
    private static final String NAME = "tour-sample-64MiB.bin";

    @Override
    public String name() {
        return "transfers";
    }

    @Override
    public void show(TourGuide guide) throws TourFailure, InterruptedException {
        Path file = guide.scratch().resolve(NAME);
        write(file);
        guide.chooseNext(List.of(file));
        guide.press("#send_files-" + guide.contact());
        guide.selectTab("#workspace", "transfersTab");
        guide.await(NAME + " to " + guide.contact() + " completed", () -> guide.workbench().transfers().items().stream()
                .anyMatch(t -> sent(t, guide.contact()) && t.stateProperty().get() == TransferState.COMPLETED));
    }

    private static boolean sent(TransferItem t, String contact) {
        return t.direction() == Direction.OUTGOING && t.peerUser().equals(contact) && t.headingProperty().get().endsWith(NAME);
    }

    /** Pseudo-random bytes: a file that does not compress, written off the FX thread. */
    private static void write(Path file) throws TourFailure {
        byte[] block = new byte[1 << 20];
        Random random = new Random(8);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int written = 0; written < SIZE; written += block.length) {
                random.nextBytes(block);
                out.write(block);
            }
        } catch (IOException e) {
            throw new TourFailure("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
