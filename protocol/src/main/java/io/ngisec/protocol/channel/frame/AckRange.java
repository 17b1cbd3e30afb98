package io.ngisec.protocol.channel.frame;

/** The closed range of record packet numbers {@code low} .. {@code high}, all acknowledged. Immutable. */
public record AckRange(long low, long high) {

    /** Refuses {@code low > high} and values outside 0 .. 2^62 - 1. */
    public AckRange {
        FrameChecks.varInt("low", low);
        FrameChecks.varInt("high", high);
        if (low > high) {
            throw new IllegalArgumentException("ack range " + low + " > " + high);
        }
    }

    /** The range of one packet number. */
    public static AckRange of(long packetNumber) {
        return new AckRange(packetNumber, packetNumber);
    }
}
