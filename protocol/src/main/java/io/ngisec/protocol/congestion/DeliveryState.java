package io.ngisec.protocol.congestion;

/**
 * What the {@link DeliveryRateSampler} remembers about the connection when a packet is sent, so
 * that its acknowledgment can yield a rate sample: bytes delivered so far, when the last of them
 * was, when the first packet of the current flight was sent, and whether sending was app-limited.
 */
public record DeliveryState(long delivered, long deliveredTimeNanos, long firstSentTimeNanos, boolean appLimited) {
}
