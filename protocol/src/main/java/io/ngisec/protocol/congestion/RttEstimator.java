package io.ngisec.protocol.congestion;

/**
 * Round-trip time estimate of RFC 9002, section 5: the latest sample, the minimum, an exponentially
 * weighted mean and mean deviation. Before the first sample, smoothed RTT is {@link
 * RecoveryConstants#INITIAL_RTT_NANOS} and the variance half of it. The peer's reported ACK delay
 * is capped at its max_ack_delay and subtracted only when that leaves the sample at or above
 * min_rtt, and never from the first sample nor from min_rtt itself. Sessions start only after the
 * handshake is confirmed, so the cap always applies. Not thread-safe.
 */
public final class RttEstimator {

    private final long maxAckDelayNanos;
    private boolean hasSample;
    private long latestRtt;
    private long minRtt;
    private long smoothedRtt = RecoveryConstants.INITIAL_RTT_NANOS;
    private long rttVar = RecoveryConstants.INITIAL_RTT_NANOS / 2;

    /** An estimator for a peer that promised to acknowledge within {@code maxAckDelayNanos}. */
    public RttEstimator(long maxAckDelayNanos) {
        if (maxAckDelayNanos < 0) {
            throw new IllegalArgumentException("max ack delay must not be negative");
        }
        this.maxAckDelayNanos = maxAckDelayNanos;
    }

    /**
     * Takes one sample: {@code latestRttNanos} from sending the largest newly acknowledged packet
     * to receiving its ACK, and the ACK delay the peer reported.
     */
    public void update(long latestRttNanos, long ackDelayNanos) {
        if (latestRttNanos < 0 || ackDelayNanos < 0) {
            throw new IllegalArgumentException("RTT sample and ack delay must not be negative");
        }
        latestRtt = latestRttNanos;
        if (!hasSample) {
            hasSample = true;
            minRtt = latestRttNanos;
            smoothedRtt = latestRttNanos;
            rttVar = latestRttNanos / 2;
            return;
        }
        minRtt = Math.min(minRtt, latestRttNanos);
        long ackDelay = Math.min(ackDelayNanos, maxAckDelayNanos);
        long adjusted = latestRttNanos;
        if (latestRttNanos >= minRtt + ackDelay) {
            adjusted = latestRttNanos - ackDelay;
        }
        rttVar = (3 * rttVar + Math.abs(smoothedRtt - adjusted)) / 4;
        smoothedRtt = (7 * smoothedRtt + adjusted) / 8;
    }

    /** Forgets every sample, as for a new path (RFC 9000 section 9.4): back to the initial estimate. */
    public void reset() {
        hasSample = false;
        latestRtt = 0;
        minRtt = 0;
        smoothedRtt = RecoveryConstants.INITIAL_RTT_NANOS;
        rttVar = RecoveryConstants.INITIAL_RTT_NANOS / 2;
    }

    /** Whether {@link #update} has been called at least once. */
    public boolean hasSample() {
        return hasSample;
    }

    /** The most recent sample, unadjusted; 0 before the first. */
    public long latestRtt() {
        return latestRtt;
    }

    /** The smallest sample seen, unadjusted for ACK delay; 0 before the first. */
    public long minRtt() {
        return minRtt;
    }

    /** smoothed_rtt. */
    public long smoothedRtt() {
        return smoothedRtt;
    }

    /** rttvar. */
    public long rttVar() {
        return rttVar;
    }

    /** The peer's max_ack_delay this estimator caps reported delays at. */
    public long maxAckDelay() {
        return maxAckDelayNanos;
    }

    /**
     * The probe timeout before backoff (section 6.2.1): smoothed_rtt + max(4 x rttvar,
     * kGranularity) + max_ack_delay.
     */
    public long probeTimeout() {
        return smoothedRtt + Math.max(4 * rttVar, RecoveryConstants.GRANULARITY_NANOS) + maxAckDelayNanos;
    }
}
