package io.ngisec.client.call;

import java.util.Arrays;

/**
 * The relative delays (transit above the fastest transit, in nanoseconds) of the last N frames,
 * and their percentiles. Not thread safe.
 */
final class DelayWindow {

    private final long[] ring;
    private final long[] sorted;
    private int count;
    private int next;
    private boolean dirty;

    DelayWindow(int size) {
        this.ring = new long[size];
        this.sorted = new long[size];
    }

    void add(long delayNanos) {
        ring[next] = delayNanos;
        next = (next + 1) % ring.length;
        count = Math.min(count + 1, ring.length);
        dirty = true;
    }

    boolean isEmpty() {
        return count == 0;
    }

    void clear() {
        count = 0;
        next = 0;
        dirty = true;
    }

    /** The {@code percentile} (0..1] of the delays, the nearest-rank way; 0 when empty. */
    long percentile(double percentile) {
        if (count == 0) {
            return 0;
        }
        // Sorting at most once per 20 ms tick: 250 longs take microseconds, simpler than an order-statistics tree.
        if (dirty) {
            System.arraycopy(ring, 0, sorted, 0, count);
            Arrays.sort(sorted, 0, count);
            dirty = false;
        }
        return sorted[Math.max(0, (int) Math.ceil(percentile * count) - 1)];
    }
}
