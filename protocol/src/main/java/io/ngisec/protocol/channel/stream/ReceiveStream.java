package io.ngisec.protocol.channel.stream;

import java.nio.ByteBuffer;
import java.util.OptionalLong;

/**
 * The receiving half of a reliable ordered stream. {@link #onData} takes chunks in any order, with
 * duplicates and overlaps, into a ring of up to {@code window} bytes (starting small and growing only
 * as far as the data received but not yet read spans); {@link #read} hands the application
 * the contiguous bytes in order. The stream advertises credit up to {@code window} bytes beyond what
 * the application has read and refuses data past that credit, so it never holds more than
 * {@code window} bytes; once the application has read half a window since the last advertisement,
 * {@link #pendingCreditUpdate} returns the new limit for a MAX_STREAM_DATA frame.
 *
 * <p>Not thread safe: the session's thread owns it. A {@link StreamException} from {@link #onData}
 * is a connection error: the stream is then left as it was, but the session should close.
 */
public final class ReceiveStream {

    /** The window unless told otherwise: 1 MiB. */
    public static final int DEFAULT_WINDOW = 1 << 20;
    /** How many disjoint received ranges are tracked unless told otherwise. */
    public static final int DEFAULT_MAX_RANGES = 4096;

    private static final long UNKNOWN = -1;

    private final ByteRing ring;
    private final RangeSet received;     // always holds [0, readOffset) as well
    private long readOffset;
    private long maxOffset;              // the credit advertised (or about to be)
    private boolean creditUpdateDue;
    private long highestReceived;
    private long finalSize = UNKNOWN;

    /** A stream with the {@link #DEFAULT_WINDOW default window}. */
    public ReceiveStream() {
        this(DEFAULT_WINDOW, DEFAULT_MAX_RANGES);
    }

    /** A stream advertising and buffering {@code window} bytes, tracking at most {@code maxRanges} gaps' worth. */
    public ReceiveStream(int window, int maxRanges) {
        if (window < 2) {
            throw new IllegalArgumentException("window " + window);
        }
        this.ring = new ByteRing(window);
        this.received = new RangeSet(maxRanges);
        this.maxOffset = window;
    }

    /**
     * Takes the bytes of {@code data} (position to limit, which are left unchanged) as those at
     * {@code offset}, with {@code fin} if the stream ends just after them. Bytes already received or
     * read are ignored. Refuses, changing nothing, data beyond the advertised credit
     * ({@link StreamException.Reason#FLOW_CONTROL}) or contradicting the final size
     * ({@link StreamException.Reason#FINAL_SIZE}), and data too fragmented to track
     * ({@link StreamException.Reason#TOO_FRAGMENTED}).
     */
    public void onData(long offset, ByteBuffer data, boolean fin) throws StreamException {
        int length = data.remaining();
        if (offset < 0 || offset > maxOffset - length) {
            throw new StreamException(StreamException.Reason.FLOW_CONTROL,
                    "data at " + offset + " + " + length + " beyond the credit " + maxOffset);
        }
        long end = offset + length;
        if (finalSize != UNKNOWN ? end > finalSize || (fin && end != finalSize) : fin && end < highestReceived) {
            throw new StreamException(StreamException.Reason.FINAL_SIZE, "data up to " + end + (fin ? " fin" : "")
                    + ", final size " + (finalSize == UNKNOWN ? "unknown" : finalSize)
                    + ", received up to " + highestReceived);
        }
        long start = Math.max(offset, readOffset);
        if (start < end) {
            ring.ensure(readOffset, Math.max(highestReceived, end));
            copyGaps(data, offset, start, end);
            received.add(start, end);
        }
        highestReceived = Math.max(highestReceived, end);
        if (fin) {
            finalSize = end;
        }
    }

    /**
     * Moves the contiguous bytes after those already read into {@code dst}, as many as fit; returns
     * how many, 0 if none is ready yet, or -1 once every byte up to the final size has been read.
     */
    public int read(ByteBuffer dst) {
        long readable = readableBytes();
        if (readable == 0) {
            return isFinished() ? -1 : 0;
        }
        int n = (int) Math.min(readable, dst.remaining());
        ring.get(readOffset, dst, n);
        readOffset += n;
        int window = ring.limit();
        if (finalSize == UNKNOWN && readOffset + window - maxOffset >= window / 2) {
            maxOffset = readOffset + window;
            creditUpdateDue = true;
        }
        return n;
    }

    /**
     * The new credit to advertise in a MAX_STREAM_DATA frame, once: present after the application has
     * read at least half a window since the last advertisement, then empty until it has again.
     */
    public OptionalLong pendingCreditUpdate() {
        if (!creditUpdateDue) {
            return OptionalLong.empty();
        }
        creditUpdateDue = false;
        return OptionalLong.of(maxOffset);
    }

    /** The credit advertised: data may reach up to, not beyond, this offset (for resending a lost update). */
    public long maxOffset() {
        return maxOffset;
    }

    /** Bytes ready for {@link #read} now. */
    public long readableBytes() {
        return received.firstGap(readOffset) - readOffset;
    }

    /** Bytes held: received but not yet read, contiguous or not. Never more than the window. */
    public long bufferedBytes() {
        return received.length() - readOffset;
    }

    /** The window: {@link #bufferedBytes()} never exceeds it. */
    public int window() {
        return ring.limit();
    }

    /** How many bytes the ring holds now, for tests: it grows towards {@link #window()} as needed. */
    int capacity() {
        return ring.capacity();
    }

    /** Bytes read by the application so far. */
    public long readOffset() {
        return readOffset;
    }

    /** The final size once a fin has arrived, else empty. */
    public OptionalLong finalSize() {
        return finalSize == UNKNOWN ? OptionalLong.empty() : OptionalLong.of(finalSize);
    }

    /** Whether the fin has arrived and the application has read every byte up to it. */
    public boolean isFinished() {
        return finalSize != UNKNOWN && readOffset == finalSize;
    }

    /** Copies only the bytes of [start, end) not yet received: duplicates cost no copy. */
    private void copyGaps(ByteBuffer data, long dataOffset, long start, long end) {
        long at = start;
        while (at < end) {
            long gap = received.firstGap(at);
            if (gap >= end) {
                return;
            }
            long gapEnd = Math.min(end, received.nextCovered(gap));
            copy(data, dataOffset, gap, gapEnd);
            at = gapEnd;
        }
    }

    private void copy(ByteBuffer data, long dataOffset, long start, long end) {
        ring.put(start, data, data.position() + (int) (start - dataOffset), (int) (end - start));
    }
}
