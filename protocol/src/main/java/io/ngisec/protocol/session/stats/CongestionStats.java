package io.ngisec.protocol.session.stats;

/**
 * The sender's congestion state, as of a snapshot (spec section 12). Immutable.
 *
 * @param congestionWindow the most bytes the controller lets be in flight
 * @param bytesInFlight bytes sent and neither acknowledged nor declared lost
 * @param pacingRate the rate at which stream packets are released, bytes per second
 */
public record CongestionStats(long congestionWindow, long bytesInFlight, double pacingRate) {
}
