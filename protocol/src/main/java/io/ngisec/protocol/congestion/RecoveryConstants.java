package io.ngisec.protocol.congestion;

/**
 * The constants RFC 9002 (QUIC loss detection and congestion control) fixes, with their units.
 * Times are in nanoseconds. These are the specification's values, not tunables.
 */
public final class RecoveryConstants {

    /** kPacketThreshold: a packet is lost once this many later packets have been acknowledged. */
    public static final int PACKET_THRESHOLD = 3;

    /** kTimeThreshold numerator: a packet is lost once it is 9/8 of an RTT older than an acked one. */
    public static final int TIME_THRESHOLD_NUMERATOR = 9;

    /** kTimeThreshold denominator. */
    public static final int TIME_THRESHOLD_DENOMINATOR = 8;

    /** kGranularity: the timer granularity, a floor for loss delay and RTT variance in the PTO (1 ms). */
    public static final long GRANULARITY_NANOS = 1_000_000L;

    /** kInitialRtt: the RTT assumed before the first sample (333 ms). */
    public static final long INITIAL_RTT_NANOS = 333_000_000L;

    private RecoveryConstants() {
    }
}
