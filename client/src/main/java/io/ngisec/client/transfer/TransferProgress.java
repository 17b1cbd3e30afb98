package io.ngisec.client.transfer;

import java.time.Duration;
import java.util.Optional;

/**
 * Progress of one transfer: bytes done (including chunks a resume did not need to move) of the
 * total, the rate over this link's part of the transfer, and the time left at that rate.
 */
public record TransferProgress(TransferId id, Direction direction, long bytesDone, long bytesTotal,
        double bytesPerSecond, Optional<Duration> eta) {
}
