package io.ngisec.protocol.congestion;

import java.util.List;

/**
 * Decides how much a sender may have in flight and how fast it paces packets out. The sender
 * reports every packet sent, every ACK (with the newly acknowledged packets and the delivery-rate
 * sample they gave) and every loss its {@link LossDetector} declares. Times are caller-supplied
 * nanoseconds; rates are bytes per second. Implementations are not thread-safe.
 */
public interface CongestionController {

    /** A packet of {@code bytes} left at {@code nowNanos}; {@code bytesInFlight} includes it. */
    void onPacketSent(long nowNanos, int bytes, long bytesInFlight);

    /**
     * An ACK newly acknowledged {@code acked} (in packet-number order) and produced {@code sample}
     * (possibly invalid); {@code bytesInFlight} is what remains outstanding after it.
     */
    void onAcked(long nowNanos, List<SentPacket> acked, RateSample sample, long bytesInFlight);

    /** The loss detector declared {@code lost} (in packet-number order) lost. */
    void onLost(long nowNanos, List<SentPacket> lost, long bytesInFlight);

    /** Whether another packet may be sent with {@code bytesInFlight} outstanding. */
    default boolean canSend(long bytesInFlight) {
        return bytesInFlight < congestionWindow();
    }

    /** The rate, in bytes per second, at which a {@link Pacer} should release packets. */
    double pacingRate();

    /** The most bytes that may be in flight. */
    long congestionWindow();
}
