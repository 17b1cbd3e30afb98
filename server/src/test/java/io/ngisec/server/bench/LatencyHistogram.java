package io.ngisec.server.bench;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts latencies in microseconds into log-linear buckets (exact below 128 us, then 64 buckets per
 * power of two, so any percentile is within 1/64 of a recorded value) and answers percentiles.
 * Fixed memory whatever the number of samples. Thread safe; recording never blocks.
 */
final class LatencyHistogram {

    /** Values below this are counted exactly. */
    private static final int LINEAR_LIMIT = 128;
    private static final int SUB_BUCKET_BITS = 6;
    private static final int SUB_BUCKETS = 1 << SUB_BUCKET_BITS;
    private static final int LINEAR_EXPONENT = 7; // 2^7 == LINEAR_LIMIT
    private static final int BUCKETS = LINEAR_LIMIT + (Long.SIZE - LINEAR_EXPONENT) * SUB_BUCKETS;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

    /** Counts one latency; negative values count as 0. */
    void record(long micros) {
        counts.incrementAndGet(index(Math.max(0, micros)));
    }

    /** Adds every count of {@code other} to this one. */
    void addAll(LatencyHistogram other) {
        for (int i = 0; i < BUCKETS; i++) {
            long c = other.counts.get(i);
            if (c != 0) {
                counts.addAndGet(i, c);
            }
        }
    }

    /** How many latencies were recorded. */
    long count() {
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) {
            total += counts.get(i);
        }
        return total;
    }

    /**
     * The latency at or below which {@code percent} (0 to 100) of the samples lie: the highest value
     * of the bucket holding that sample (exact below 128 us). 0 when nothing was recorded.
     */
    long percentile(double percent) {
        if (!(percent >= 0 && percent <= 100)) {
            throw new IllegalArgumentException("percentile must be within 0..100: " + percent);
        }
        long total = count();
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(percent / 100.0 * total));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return highestValue(i);
            }
        }
        throw new IllegalStateException("counts changed while reading");
    }

    static int index(long value) {
        if (value < LINEAR_LIMIT) {
            return (int) value;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(value);
        int sub = (int) (value >>> (exponent - SUB_BUCKET_BITS)) & (SUB_BUCKETS - 1);
        return LINEAR_LIMIT + (exponent - LINEAR_EXPONENT) * SUB_BUCKETS + sub;
    }

    static long highestValue(int index) {
        if (index < LINEAR_LIMIT) {
            return index;
        }
        int exponent = (index - LINEAR_LIMIT) / SUB_BUCKETS + LINEAR_EXPONENT;
        long sub = (index - LINEAR_LIMIT) % SUB_BUCKETS;
        int shift = exponent - SUB_BUCKET_BITS;
        long lowest = (1L << exponent) | (sub << shift);
        long width = 1L << shift;
        return lowest + width - 1 < lowest ? Long.MAX_VALUE : lowest + width - 1;
    }
}
