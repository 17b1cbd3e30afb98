package io.ngisec.protocol.congestion;

import java.util.Objects;

/**
 * A packet the {@link LossDetector} tracks until it is acknowledged or declared lost: its number,
 * when it was sent, its size in bytes (what counts toward bytes in flight), whether it elicits an
 * acknowledgment, and the delivery state at send time for rate sampling.
 */
public record SentPacket(long packetNumber, long timeSentNanos, int bytes, boolean ackEliciting, DeliveryState delivery) {

    public SentPacket {
        if (packetNumber < 0 || bytes <= 0) {
            throw new IllegalArgumentException("bad sent packet " + packetNumber + " of " + bytes + " bytes");
        }
        Objects.requireNonNull(delivery, "delivery");
    }
}
