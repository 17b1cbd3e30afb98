package io.ngisec.client.transfer;

import java.time.Clock;
import java.util.Objects;

/**
 * Tunables of a {@link TransferEngine}: the clock for the database's times, how many received
 * chunks are synced and recorded together (a crash re-requests at most that many minus one
 * written chunks; fewer means more fsyncs), and how part files are opened.
 */
public record TransferOptions(Clock clock, int syncEveryChunks, PartFile.Opener partFiles) {

    public TransferOptions {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(partFiles, "partFiles");
        if (syncEveryChunks < 1) {
            throw new IllegalArgumentException("syncEveryChunks must be at least 1");
        }
    }

    /** System clock, sync every 4 chunks (4 MiB), real files. */
    public static TransferOptions defaults() {
        return new TransferOptions(Clock.systemUTC(), 4, PartFile.FILES);
    }

    public TransferOptions withSyncEveryChunks(int chunks) {
        return new TransferOptions(clock, chunks, partFiles);
    }

    public TransferOptions withPartFiles(PartFile.Opener opener) {
        return new TransferOptions(clock, syncEveryChunks, opener);
    }
}
