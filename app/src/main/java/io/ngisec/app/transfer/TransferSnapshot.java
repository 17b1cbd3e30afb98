package io.ngisec.app.transfer;

import io.ngisec.client.transfer.Direction;
import io.ngisec.client.transfer.TransferId;
import io.ngisec.client.transfer.TransferState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One transfer as the screen shows it at a moment: who, what, how far, how fast, its state and
 * reason, where its files went (incoming, once saved), and whether it still runs on a live link
 * (history and refusals do not, so they have no pause or cancel).
 */
public record TransferSnapshot(TransferId id, Direction direction, String peerUser, String title, long totalBytes,
        long bytesDone, double bytesPerSecond, Optional<Duration> eta, TransferState state, String reason,
        Optional<Path> folder, boolean live) {

    public TransferSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(peerUser, "peerUser");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(eta, "eta");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(folder, "folder");
    }
}
