package io.ngisec.protocol.congestion;

/**
 * One delivery-rate sample (draft-cheng-iccrg-delivery-rate-estimation): {@code delivered} bytes
 * acknowledged over {@code intervalNanos}, the RTT of the most recently sent acknowledged packet,
 * the connection's delivered count when that packet was sent (for counting round trips), and
 * whether the sample was taken while app-limited (then it may underestimate the bandwidth).
 * {@link #NONE} stands for an ACK that yielded no valid sample.
 */
public record RateSample(long delivered, long intervalNanos, long rttNanos, long priorDelivered, boolean appLimited) {

    /** No sample: nothing newly acknowledged, or an interval too short to trust. */
    public static final RateSample NONE = new RateSample(0, 0, 0, 0, false);

    /** Whether this carries a usable rate. */
    public boolean valid() {
        return intervalNanos > 0;
    }

    /** The delivery rate in bytes per second; 0 if not {@link #valid()}. */
    public double deliveryRate() {
        return valid() ? delivered * 1e9 / intervalNanos : 0;
    }
}
