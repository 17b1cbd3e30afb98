package io.ngisec.protocol.session.stats;

import java.util.Arrays;

/**
 * Interarrival jitter of a periodic flow (voice), after RFC 3550 section 6.4.1, without sender
 * timestamps. RFC 3550 smooths |D| with gain 1/16, where D = (R_j - R_i) - (S_j - S_i) compares
 * the arrival spacing of two consecutive packets with their sending spacing. NGISec DATAGRAM
 * frames carry no timestamp, so S_j - S_i is taken as n × T: T is the flow's packet interval,
 * estimated from the arrivals, and n = max(1, round(gap / T)) the number of intervals the gap
 * spans (more than one when packets were lost in between).
 *
 * <p>T starts as the median of the first {@link #WARMUP_GAPS} gaps (robust to a loss or a burst
 * among them; those gaps are then replayed into the estimate) and follows gap / n slowly (gain
 * 1/64), since the mean arrival spacing of a periodic flow is its sending interval. A gap above
 * {@link #PAUSE_INTERVALS} × T is a pause (silence suppression, hold) and is skipped. This reads
 * right for constant-interval sources such as a voice codec (20 ms frames); for a flow without a
 * fixed interval the figure means little. Arrival times are when the session takes the packet,
 * so the receiver's own scheduling adds to it, as it adds to what the application sees.
 *
 * <p>Allocation-free; not thread safe. Time must not go back.
 */
final class InterarrivalJitter {

    static final int WARMUP_GAPS = 8;
    static final int PAUSE_INTERVALS = 8;
    private static final double JITTER_GAIN = 1.0 / 16;
    private static final double INTERVAL_GAIN = 1.0 / 64;

    private final long[] warmup = new long[WARMUP_GAPS];
    private int warmupCount;
    private boolean hasArrival;
    private long lastArrival;
    private double interval;
    private double jitter;

    /** One packet of the flow arrived at {@code nowNanos}. */
    void onArrival(long nowNanos) {
        if (!hasArrival) {
            hasArrival = true;
            lastArrival = nowNanos;
            return;
        }
        long gap = nowNanos - lastArrival;
        lastArrival = nowNanos;
        if (warmupCount < WARMUP_GAPS) {
            warmup[warmupCount++] = gap;
            if (warmupCount == WARMUP_GAPS) {
                long[] sorted = warmup.clone(); // once per flow, not per packet
                Arrays.sort(sorted);
                interval = Math.max(1, (sorted[WARMUP_GAPS / 2 - 1] + sorted[WARMUP_GAPS / 2]) / 2.0);
                for (long g : warmup) {
                    onGap(g);
                }
            }
            return;
        }
        onGap(gap);
    }

    private void onGap(long gap) {
        if (gap > PAUSE_INTERVALS * interval) {
            return;
        }
        long n = Math.max(1, Math.round(gap / interval));
        double d = gap - n * interval;
        jitter += (Math.abs(d) - jitter) * JITTER_GAIN;
        interval += ((double) gap / n - interval) * INTERVAL_GAIN;
    }

    /** Whether enough packets arrived for an estimate ({@link #WARMUP_GAPS} + 1). */
    boolean hasEstimate() {
        return warmupCount == WARMUP_GAPS;
    }

    /** The smoothed jitter, nanoseconds; 0 without an estimate. */
    long jitterNanos() {
        return Math.round(jitter);
    }

    /** The estimated packet interval T, nanoseconds; 0 without an estimate. */
    long intervalNanos() {
        return Math.round(interval);
    }
}
