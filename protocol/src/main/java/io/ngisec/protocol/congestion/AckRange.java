package io.ngisec.protocol.congestion;

/** One run of acknowledged packet numbers, {@code low} to {@code high} inclusive. */
public record AckRange(long low, long high) {

    public AckRange {
        if (low < 0 || high < low) {
            throw new IllegalArgumentException("bad ack range [" + low + ", " + high + "]");
        }
    }

    /** Whether {@code packetNumber} lies in this range. */
    public boolean contains(long packetNumber) {
        return packetNumber >= low && packetNumber <= high;
    }
}
