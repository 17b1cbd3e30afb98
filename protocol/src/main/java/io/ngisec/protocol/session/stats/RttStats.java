package io.ngisec.protocol.session.stats;

import java.time.Duration;

/**
 * The round-trip time estimate of the session's loss recovery (RFC 9002 section 5, spec section
 * 12.1), as of a snapshot. Immutable.
 *
 * @param sampled whether any RTT sample was taken yet (before that, smoothed and rttvar are RFC
 *     9002's initial 333 ms and half of it, and latest and min are zero)
 * @param latest the most recent sample, ACK delay included
 * @param min the smallest sample, ACK delay included
 * @param smoothed smoothed_rtt: the exponentially weighted mean (gain 1/8), peer's ACK delay removed
 * @param rttvar the mean deviation of the samples from smoothed_rtt (gain 1/4): RTT variation
 */
public record RttStats(boolean sampled, Duration latest, Duration min, Duration smoothed, Duration rttvar) {
}
