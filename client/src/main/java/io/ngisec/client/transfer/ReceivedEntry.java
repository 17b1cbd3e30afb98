package io.ngisec.client.transfer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The receiving state of one entry: its database row, part file, chunk hashes, the chunks written
 * ({@code have}) and among them those written but not yet synced and recorded ({@code pending}).
 * Not thread safe (guarded by its {@link IncomingTransfer}).
 */
final class ReceivedEntry {

    final TransferEntry entry;
    final byte[] chunkHashes;
    final long chunks;
    final long rowId;
    final BitSet have;
    final List<Long> pending = new ArrayList<>();
    Path localPath;
    PartFile file;
    boolean complete;

    ReceivedEntry(TransferEntry entry, byte[] chunkHashes, long rowId, Path localPath, BitSet verified, boolean complete) {
        this.entry = entry;
        this.chunkHashes = chunkHashes;
        this.chunks = TransferLimits.chunkCount(entry.size());
        this.rowId = rowId;
        this.localPath = localPath;
        this.have = verified;
        this.complete = complete;
    }

    boolean allWritten() {
        return have.cardinality() >= chunks;
    }

    long bytesHave() {
        long bytes = 0;
        for (int i = have.nextSetBit(0); i >= 0; i = have.nextSetBit(i + 1)) {
            bytes += TransferLimits.chunkLength(entry.size(), i);
        }
        return bytes;
    }

    byte[] chunkHash(long index) {
        byte[] out = new byte[32];
        System.arraycopy(chunkHashes, Math.toIntExact(index * 32), out, 0, 32);
        return out;
    }

    /** The verified chunks as {@code [start, end)} pairs. */
    long[] ranges() {
        List<Long> out = new ArrayList<>();
        for (int start = have.nextSetBit(0); start >= 0; start = have.nextSetBit(have.nextClearBit(start))) {
            out.add((long) start);
            out.add((long) have.nextClearBit(start));
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    void closeFile() {
        if (file != null) {
            try {
                file.close();
            } catch (IOException ignored) {
                // Nothing recorded depends on a close: chunks are recorded only after a sync.
            }
            file = null;
        }
    }
}
