package io.ngisec.protocol.session.stats;

/**
 * Loss on the peer-to-us direction as the receiver sees it, all classes together: the packet
 * numbers of a direction are consecutive, so every number up to the highest received that never
 * arrived is missing. Unlike {@link ClassStats#packetsLost()} (the sender's declaration, which
 * counts reordered packets as lost), this is what the path and our own socket and queues really
 * dropped, give or take packets still in flight; per class it cannot be split, since a missing
 * packet's class is unknown. Immutable.
 *
 * @param highestPacketNumber the highest packet number received, -1 before any
 * @param packetsReceived distinct DATA packets received
 */
public record InboundLoss(long highestPacketNumber, long packetsReceived) {

    /** Packet numbers up to the highest received that did not arrive (or not yet). */
    public long packetsMissing() {
        return Math.max(0, highestPacketNumber + 1 - packetsReceived);
    }

    /** Missing over the numbers up to the highest received, 0 before any. */
    public double lossRate() {
        return highestPacketNumber < 0 ? 0 : (double) packetsMissing() / (highestPacketNumber + 1);
    }
}
