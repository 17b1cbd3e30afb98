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
}
