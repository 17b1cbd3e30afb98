package io.ngisec.protocol.congestion;

import java.util.List;

/** What one ACK changed: the packets it newly acknowledged and those now declared lost, in packet-number order. */
public record AckOutcome(List<SentPacket> newlyAcked, List<SentPacket> lost) {

    public AckOutcome {
        newlyAcked = List.copyOf(newlyAcked);
        lost = List.copyOf(lost);
    }
}
