package io.ngisec.protocol.congestion;

import java.util.List;

/**
 * What the loss-detection timer did when it fired: either declared packets lost by the time
 * threshold, or (probe timeout) asked the sender for one or two ack-eliciting probe packets, which
 * may exceed the congestion window.
 */
public record TimeoutOutcome(List<SentPacket> lost, boolean sendProbe) {

    public TimeoutOutcome {
        lost = List.copyOf(lost);
    }
}
