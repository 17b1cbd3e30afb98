package io.ngisec.client.transfer;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.UUID;

/**
 * One chunk on the data stream, self-describing so several transfers share the stream:
 * {@code magic(4) transfer(16) entry(4) chunk(8) length(4) bytes(length)}, big-endian. A frame is
 * written with one {@link io.ngisec.client.link.PeerLink#writeData} call, which is atomic.
 */
record ChunkFrame(TransferId transfer, int entry, long chunk, ByteBuffer data) {

    static final int MAGIC = 0x4E474346; // "NGCF"
    static final int HEADER_BYTES = 4 + 16 + 4 + 8 + 4;

    ChunkFrame {
        Objects.requireNonNull(transfer, "transfer");
        Objects.requireNonNull(data, "data");
    }

    /** Header and bytes in one buffer, ready to write. */
    ByteBuffer encode() {
        ByteBuffer out = ByteBuffer.allocate(HEADER_BYTES + data.remaining());
        out.putInt(MAGIC).putLong(transfer.value().getMostSignificantBits()).putLong(transfer.value().getLeastSignificantBits())
                .putInt(entry).putLong(chunk).putInt(data.remaining()).put(data.duplicate());
        return out.flip();
    }

    /** Reads bytes of a stream; the shape of {@link io.ngisec.client.link.PeerLink#readData}. */
    @FunctionalInterface
    interface Source {
        int read(ByteBuffer dst) throws IOException, InterruptedException;
    }

    /**
     * The next frame, or null at a clean end of stream. Throws {@link MalformedFrameException} for a
     * frame that is not one (the stream cannot be resynchronized), EOFException when it ends mid-frame.
     */
    static ChunkFrame read(Source in) throws IOException, InterruptedException {
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
        if (!fill(in, header, true)) {
            return null;
        }
        header.flip();
        if (header.getInt() != MAGIC) {
            throw new MalformedFrameException("data stream out of sync (bad frame magic)");
        }
        TransferId transfer = new TransferId(new UUID(header.getLong(), header.getLong()));
        int entry = header.getInt();
        long chunk = header.getLong();
        int length = header.getInt();
        if (length < 0 || length > TransferLimits.CHUNK_BYTES || entry < 0 || chunk < 0) {
            throw new MalformedFrameException("data stream frame out of range");
        }
        ByteBuffer data = ByteBuffer.allocate(length);
        fill(in, data, false);
        return new ChunkFrame(transfer, entry, chunk, data.flip());
    }

    private static boolean fill(Source in, ByteBuffer dst, boolean endAllowed) throws IOException, InterruptedException {
        boolean started = false;
        while (dst.hasRemaining()) {
            int n = in.read(dst);
            if (n < 0) {
                if (endAllowed && !started) {
                    return false;
                }
                throw new EOFException("data stream ended mid-frame");
            }
            started |= n > 0;
        }
        return true;
    }

    /** The data stream carries something that is not a chunk frame. */
    static final class MalformedFrameException extends IOException {
        MalformedFrameException(String message) {
            super(message);
        }
    }
}
