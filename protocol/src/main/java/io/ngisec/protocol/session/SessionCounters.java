package io.ngisec.protocol.session;

/**
 * Counters of what a {@link SessionCore} dropped or refused above the record layer (whose own
 * drops are in {@code RecordLayer.stats()}) and of what it sent. Read on the session's thread.
 */
public final class SessionCounters {

    long malformedPackets;
    long ackViolations;
    long streamErrors;
    long datagramsSent;
    long datagramsReceived;
    long datagramsDropped;
    long packetsSent;
    long sealFailures;
    long keepalivesSent;
    long closesSent;
    long pmtuProbesSent;
    long pmtuProbesLost;
    long pmtuBlackHoles;

    SessionCounters() {
    }

    /** Authenticated packets whose payload did not parse as frames (dropped, not acknowledged). */
    public long malformedPackets() {
        return malformedPackets;
    }

    /** Packets whose ACK covered a packet number never sent (dropped, not acknowledged). */
    public long ackViolations() {
        return ackViolations;
    }

    /** Packets refused by a stream (flow control, final size, unknown stream; dropped, not acknowledged). */
    public long streamErrors() {
        return streamErrors;
    }

    /** DATAGRAM frames sent. */
    public long datagramsSent() {
        return datagramsSent;
    }

    /** DATAGRAM frames received and queued for the application. */
    public long datagramsReceived() {
        return datagramsReceived;
    }

    /** DATAGRAM frames dropped because a queue (either way) was full. */
    public long datagramsDropped() {
        return datagramsDropped;
    }

    /** DATA packets sent. */
    public long packetsSent() {
        return packetsSent;
    }

    /** Packets the record layer refused to seal (closed, key exhausted, policy). */
    public long sealFailures() {
        return sealFailures;
    }

    /** Keepalive PINGs sent because nothing ack-eliciting had gone out for the keepalive interval. */
    public long keepalivesSent() {
        return keepalivesSent;
    }

    /** CLOSE records sent: the first, and its repeats while draining. */
    public long closesSent() {
        return closesSent;
    }

    /** PLPMTUD probes sent (PING and PADDING above the current PMTU). */
    public long pmtuProbesSent() {
        return pmtuProbesSent;
    }

    /** PLPMTUD probes declared lost (not reported to congestion control). */
    public long pmtuProbesLost() {
        return pmtuProbesLost;
    }

    /** Times the PMTU fell back to the base because packets above it stopped getting through. */
    public long pmtuBlackHoles() {
        return pmtuBlackHoles;
    }
}
