package io.ngisec.protocol.channel.stream;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * The sending half of a reliable ordered stream. The application {@link #write}s bytes into a ring
 * buffer of up to {@code bufferLimit} bytes (taking fewer when it is full: back-pressure), which
 * starts small and grows only as unacked data needs it; the packetizer
 * asks {@link #nextChunk} for what to send next, lost ranges first, then new data up to the peer's
 * credit; the loss detector reports each sent chunk back as {@link #onAcked acked} or
 * {@link #onLost lost}. A byte's slot is reused once it and every byte before it are acked, so the
 * buffer never holds more than {@code bufferLimit} bytes whatever the peer does.
 *
 * <p>Not thread safe: the session's thread owns it. Initially empty, open, with zero credit
 * unless given some.
 */
public final class SendStream {

    /** How many disjoint lost or acked ranges are tracked unless told otherwise. */
    public static final int DEFAULT_MAX_RANGES = 4096;

    private final ByteRing ring;
    private final RangeSet acked;
    private final RangeSet lost;

    private long writeOffset;     // bytes written by the application
    private long ackedFloor;      // every byte below is acked and its slot free
    private long sendOffset;      // bytes sent at least once
    private long maxData;         // the peer's credit: never send at or beyond it
    private boolean finished;
    private boolean finPending;   // fin to be (re)sent
    private boolean finAcked;

    private long bytesSent;
    private long bytesRetransmitted;
    private long bytesAcked;

    /** A stream buffering up to {@code bufferLimit} unacked bytes, with {@code initialCredit} from the peer. */
    public SendStream(int bufferLimit, long initialCredit) {
        this(bufferLimit, initialCredit, DEFAULT_MAX_RANGES);
    }

    /** As above, tracking at most {@code maxRanges} disjoint acked and lost ranges. */
    public SendStream(int bufferLimit, long initialCredit, int maxRanges) {
        if (bufferLimit < 1 || initialCredit < 0) {
            throw new IllegalArgumentException("bufferLimit " + bufferLimit + ", credit " + initialCredit);
        }
        this.ring = new ByteRing(bufferLimit);
        this.acked = new RangeSet(maxRanges);
        this.lost = new RangeSet(maxRanges);
        this.maxData = initialCredit;
    }

    /**
     * Copies as many bytes from {@code src} as the buffer has room for, advancing its position;
     * returns how many (0 when full: wait for acks). Fails if the stream is {@link #finish finished}.
     */
    public int write(ByteBuffer src) {
        if (finished) {
            throw new IllegalStateException("stream already finished");
        }
        int n = (int) Math.min(src.remaining(), writableBytes());
        ring.ensure(ackedFloor, writeOffset + n);
        ring.put(writeOffset, src, n);
        writeOffset += n;
        return n;
    }

    /** Marks the end of the stream: its final size is what has been written so far. Idempotent. */
    public void finish() {
        if (!finished) {
            finished = true;
            finPending = true;
        }
    }

    /** Raises the peer's credit to {@code maxOffset} (a MAX_STREAM_DATA frame); a lower value is ignored. */
    public void updateCredit(long maxOffset) {
        maxData = Math.max(maxData, maxOffset);
    }

    /**
     * The next chunk to send, of at most {@code maxBytes} bytes: lost data first, then new data within
     * the peer's credit, then a bare fin; empty when there is nothing to send. The chunk counts as
     * in flight until reported acked or lost. Its data is a view of the buffer, valid until the next
     * {@link #write}: copy or seal it before writing again.
     */
    public Optional<StreamChunk> nextChunk(int maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes " + maxBytes);
        }
        while (!lost.isEmpty() && maxBytes > 0) {
            long start = lost.start(0);
            long end = lost.end(0);
            long ackedFrom = acked.nextCovered(start);
            if (ackedFrom == start) {                  // acked since it was declared lost
                lost.removeBelow(acked.firstGap(start));
                continue;
            }
            end = Math.min(end, ackedFrom);
            int length = chunkLength(start, end, maxBytes);
            lost.removeBelow(start + length);
            bytesRetransmitted += length;
            return Optional.of(chunk(start, length));
        }
        long newEnd = Math.min(writeOffset, maxData);
        if (sendOffset < newEnd && maxBytes > 0) {
            long start = sendOffset;
            int length = chunkLength(start, newEnd, maxBytes);
            sendOffset += length;
            bytesSent += length;
            return Optional.of(chunk(start, length));
        }
        if (finPending && sendOffset == writeOffset) {
            return Optional.of(chunk(writeOffset, 0));
        }
        return Optional.empty();
    }

    /**
     * Records that the chunk at [offset, offset + length) arrived, with its fin if {@code fin}. Acks
     * may repeat and come in any order; frees the buffer up to the first byte not yet acked. Fails
     * with {@link StreamException.Reason#TOO_FRAGMENTED}, changing nothing, only if the acks would
     * leave more than {@code maxRanges} holes in the buffer.
     */
    public void onAcked(long offset, int length, boolean fin) throws StreamException {
        long end = checkSent(offset, length, fin);
        long before = acked.length();
        acked.add(offset, end);
        bytesAcked += acked.length() - before;
        ackedFloor = acked.firstGap(0);
        lost.removeBelow(ackedFloor);
        if (fin) {
            finAcked = true;
            finPending = false;
        }
    }

    /** As {@link #onAcked(long, int, boolean)} for a chunk without fin. */
    public void onAcked(long offset, int length) throws StreamException {
        onAcked(offset, length, false);
    }

    /**
     * Records that the chunk at [offset, offset + length) was lost, so that its bytes not acked
     * meanwhile (and its fin, if {@code fin}) are sent again before any new data. Fails like
     * {@link #onAcked(long, int, boolean)} if the lost ranges would exceed {@code maxRanges}.
     */
    public void onLost(long offset, int length, boolean fin) throws StreamException {
        long end = checkSent(offset, length, fin);
        long start = Math.max(offset, ackedFloor);
        if (start < end && !acked.containsAll(start, end)) {
            lost.add(start, end);
        }
        if (fin && !finAcked) {
            finPending = true;
        }
    }

    /** As {@link #onLost(long, int, boolean)} for a chunk without fin. */
    public void onLost(long offset, int length) throws StreamException {
        onLost(offset, length, false);
    }

    /** Whether the stream is finished and the peer has acknowledged every byte and the fin. */
    public boolean isDone() {
        return finished && finAcked && ackedFloor == writeOffset;
    }

    /** Whether {@link #nextChunk} would return something now (given room for at least one byte). */
    public boolean hasSomethingToSend() {
        return !lost.isEmpty() || sendOffset < Math.min(writeOffset, maxData)
                || (finPending && sendOffset == writeOffset);
    }

    /** How many bytes {@link #write} would take now. */
    public long writableBytes() {
        return ring.limit() - bufferedBytes();
    }

    /** Bytes held in the buffer: written but not yet acked along with every byte before them. */
    public long bufferedBytes() {
        return writeOffset - ackedFloor;
    }

    /** The buffer's size: {@link #bufferedBytes()} never exceeds it. */
    public int bufferLimit() {
        return ring.limit();
    }

    /** How many bytes the buffer holds now, for tests: it grows towards {@link #bufferLimit()} as needed. */
    int capacity() {
        return ring.capacity();
    }

    /** The peer's current credit: the offset no byte may be sent at or beyond. */
    public long credit() {
        return maxData;
    }

    /** Whether new data waits for credit from the peer (the cue for a STREAM_DATA_BLOCKED frame). */
    public boolean isBlocked() {
        return sendOffset == maxData && writeOffset > maxData;
    }

    /** Bytes sent for the first time. */
    public long bytesSent() {
        return bytesSent;
    }

    /** Bytes sent again after being declared lost. */
    public long bytesRetransmitted() {
        return bytesRetransmitted;
    }

    /** Distinct bytes the peer has acknowledged. */
    public long bytesAcked() {
        return bytesAcked;
    }

    /** Bytes written by the application so far (the final size once finished). */
    public long writtenBytes() {
        return writeOffset;
    }

    private int chunkLength(long start, long end, int maxBytes) {
        return (int) Math.min(Math.min(end - start, maxBytes), ring.contiguous(start));
    }

    private StreamChunk chunk(long start, int length) {
        boolean fin = finPending && start + length == writeOffset;
        if (fin) {
            finPending = false;
        }
        return new StreamChunk(start, ring.view(start, length), fin);
    }

    private long checkSent(long offset, int length, boolean fin) {
        long end = offset + length;
        if (offset < 0 || length < 0 || end > sendOffset || (fin && (!finished || end != writeOffset))) {
            throw new IllegalArgumentException("never sent: [" + offset + ", " + end + ")" + (fin ? " fin" : ""));
        }
        return end;
    }
}
