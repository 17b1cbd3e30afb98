package io.ngisec.protocol.session.stats;

/**
 * Bytes per second over the last {@link #WINDOW_NANOS}: ten 100 ms buckets in a ring, the newest
 * partly filled. In the first second after the first byte the rate is over the time since then
 * (at least one bucket), so a young flow is not reported at a tenth of its speed. Allocation-free;
 * not thread safe (the session's thread owns it). Time must not go back.
 */
final class RateWindow {

    static final int BUCKETS = 10;
    static final long BUCKET_NANOS = 100_000_000L;
    static final long WINDOW_NANOS = BUCKETS * BUCKET_NANOS;

    private final long[] bytes = new long[BUCKETS];
    private boolean started;
    private long firstNanos;
    private long newestBucket;

    /** Counts {@code n} bytes at {@code nowNanos}. */
    void add(long nowNanos, int n) {
        if (!started) {
            started = true;
            firstNanos = nowNanos;
            newestBucket = Math.floorDiv(nowNanos, BUCKET_NANOS);
        }
        advance(nowNanos);
        bytes[slot(newestBucket)] += n;
    }

    /** Bytes per second over the window ending at {@code nowNanos}; 0 before the first byte. */
    double rate(long nowNanos) {
        if (!started) {
            return 0;
        }
        advance(nowNanos);
        long sum = 0;
        for (long b : bytes) {
            sum += b;
        }
        long windowStart = (newestBucket - (BUCKETS - 1)) * BUCKET_NANOS;
        long covered = nowNanos - Math.max(windowStart, firstNanos);
        return sum * 1e9 / Math.max(covered, BUCKET_NANOS);
    }

    /** Moves the newest bucket to {@code nowNanos}'s, emptying the buckets passed over. */
    private void advance(long nowNanos) {
        long bucket = Math.floorDiv(nowNanos, BUCKET_NANOS);
        if (bucket <= newestBucket) {
            return;
        }
        long steps = Math.min(bucket - newestBucket, BUCKETS);
        for (long i = 1; i <= steps; i++) {
            bytes[slot(newestBucket + i)] = 0;
        }
        newestBucket = bucket;
    }

    private static int slot(long bucket) {
        return (int) Math.floorMod(bucket, (long) BUCKETS);
    }
}
