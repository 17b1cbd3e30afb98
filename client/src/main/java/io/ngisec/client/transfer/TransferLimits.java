package io.ngisec.client.transfer;

/** Constants of the transfer protocol (fixed for both peers) and limits a receiver enforces. */
public final class TransferLimits {

    /** Size of every chunk but a file's last, in bytes (1 MiB). */
    public static final int CHUNK_BYTES = 1 << 20;

    /** Most entries (files) in one offer. */
    public static final int MAX_ENTRIES = 100_000;

    /** Longest relative path of an entry, in UTF-8 bytes. */
    public static final int MAX_PATH_BYTES = 4096;

    /** Longest name of one path segment, in UTF-8 bytes (what common file systems allow). */
    public static final int MAX_SEGMENT_BYTES = 255;

    /** Most chunk hashes one offer may carry (4 TiB of data), bounding a receiver's memory. */
    public static final long MAX_CHUNKS_PER_OFFER = 4L << 20;

    /** Chunks that may fail verification in one transfer before it fails. */
    public static final int MAX_BAD_CHUNKS = 8;

    private TransferLimits() {
    }

    /** Number of chunks of a file of {@code size} bytes. */
    public static long chunkCount(long size) {
        return (size + CHUNK_BYTES - 1) / CHUNK_BYTES;
    }

    /** Length of chunk {@code index} of a file of {@code size} bytes. */
    public static int chunkLength(long size, long index) {
        return (int) Math.min(CHUNK_BYTES, size - index * CHUNK_BYTES);
    }
}
