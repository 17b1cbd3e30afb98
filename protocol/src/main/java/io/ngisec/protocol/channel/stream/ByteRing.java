package io.ngisec.protocol.channel.stream;

import java.nio.ByteBuffer;

/**
 * The bytes of a stream between two offsets, kept in a ring addressed by stream offset (a byte's slot
 * is its offset modulo the capacity) that starts small and grows on demand up to a fixed limit, so
 * that a stream that carries little holds little. The owner says which range is live with
 * {@link #ensure} before putting bytes there; growing keeps the bytes of that range and forgets the
 * rest. It never shrinks.
 *
 * <p>Not thread safe. The ring knows nothing of which bytes are valid: reading a slot never written
 * returns whatever it holds.
 */
final class ByteRing {

    /** The capacity a ring starts with unless its limit is smaller: an idle stream holds no more. */
    static final int INITIAL_CAPACITY = 16 * 1024;

    private final int limit;
    private byte[] ring;

    /** A ring that will grow up to {@code limit} bytes, starting at {@link #INITIAL_CAPACITY} or the limit. */
    ByteRing(int limit) {
        this(limit, INITIAL_CAPACITY);
    }

    /** As above, starting at {@code initialCapacity} bytes (or the limit if smaller). */
    ByteRing(int limit, int initialCapacity) {
        if (limit < 1 || initialCapacity < 1) {
            throw new IllegalArgumentException("limit " + limit + ", initial capacity " + initialCapacity);
        }
        this.limit = limit;
        this.ring = new byte[Math.min(limit, initialCapacity)];
    }

    /** The most bytes the ring will ever hold: {@link #ensure} refuses a wider range. */
    int limit() {
        return limit;
    }

    /** How many bytes the ring holds now. */
    int capacity() {
        return ring.length;
    }

    /**
     * Makes room for the live range [low, high): grows, at least doubling but not beyond the limit,
     * if the range is wider than the capacity, moving its bytes to their slots in the new ring.
     * Bytes outside the range are lost. Fails if {@code high < low} or the range is wider than the limit.
     */
    void ensure(long low, long high) {
        long needed = high - low;
        if (low < 0 || needed < 0 || needed > limit) {
            throw new IllegalArgumentException("range [" + low + ", " + high + ") for a limit of " + limit);
        }
        if (needed <= ring.length) {
            return;
        }
        byte[] grown = new byte[(int) Math.min(limit, Math.max(2L * ring.length, needed))];
        for (long at = low; at < high; ) {
            int from = slot(at);
            int to = (int) (at % grown.length);
            int piece = (int) Math.min(high - at, Math.min(ring.length - from, grown.length - to));
            System.arraycopy(ring, from, grown, to, piece);
            at += piece;
        }
        ring = grown;
    }

    /** Copies {@code length} bytes from {@code src} (advancing its position) to those at {@code offset}. */
    void put(long offset, ByteBuffer src, int length) {
        for (int done = 0; done < length; ) {
            int at = slot(offset + done);
            int piece = Math.min(length - done, ring.length - at);
            src.get(ring, at, piece);
            done += piece;
        }
    }

    /** Copies {@code length} bytes of {@code src} from index {@code srcIndex} (position untouched) to those at {@code offset}. */
    void put(long offset, ByteBuffer src, int srcIndex, int length) {
        for (int done = 0; done < length; ) {
            int at = slot(offset + done);
            int piece = Math.min(length - done, ring.length - at);
            src.get(srcIndex + done, ring, at, piece);
            done += piece;
        }
    }

    /** Copies the {@code length} bytes at {@code offset} into {@code dst}, advancing its position. */
    void get(long offset, ByteBuffer dst, int length) {
        for (int done = 0; done < length; ) {
            int at = slot(offset + done);
            int piece = Math.min(length - done, ring.length - at);
            dst.put(ring, at, piece);
            done += piece;
        }
    }

    /** How many bytes from {@code offset} are contiguous in the ring: up to its wrap point. */
    int contiguous(long offset) {
        return ring.length - slot(offset);
    }

    /**
     * A read-only view of the {@code length} bytes at {@code offset}, which must not cross the wrap
     * point ({@link #contiguous}). The view shares the ring: it stays right while its bytes stay in
     * the live range and are not put again; growing leaves it on the old ring, whose bytes no longer change.
     */
    ByteBuffer view(long offset, int length) {
        int at = slot(offset);
        if (length > ring.length - at) {
            throw new IllegalArgumentException(length + " bytes at " + offset + " cross the wrap point");
        }
        return ByteBuffer.wrap(ring, at, length).slice().asReadOnlyBuffer();
    }

    private int slot(long offset) {
        return (int) (offset % ring.length);
    }
}
