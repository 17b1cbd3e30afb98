package io.ngisec.protocol.channel.frame;

import java.util.List;

/**
 * Acknowledges record packet numbers: {@code ranges}, highest first, disjoint and not adjacent
 * (two ranges that touch are one range), so every set of packet numbers has exactly one AckFrame.
 * {@code ackDelayMicros} is how long the sender held the largest acknowledged packet before
 * acknowledging it, in microseconds. Immutable.
 */
public record AckFrame(long ackDelayMicros, List<AckRange> ranges) implements Frame {

    /**
     * Refuses no ranges, more than {@link FrameLimits#MAX_ACK_RANGES}, ranges out of order,
     * overlapping or adjacent, and a delay outside 0 .. 2^62 - 1.
     */
    public AckFrame {
        FrameChecks.varInt("ackDelayMicros", ackDelayMicros);
        ranges = List.copyOf(ranges);
        if (ranges.isEmpty() || ranges.size() > FrameLimits.MAX_ACK_RANGES) {
            throw new IllegalArgumentException("ack ranges: " + ranges.size());
        }
        for (int i = 1; i < ranges.size(); i++) {
            // At least one unacknowledged packet number between two ranges.
            if (ranges.get(i).high() >= ranges.get(i - 1).low() - 1) {
                throw new IllegalArgumentException("ack ranges not descending with gaps: " + ranges);
            }
        }
    }

    /** An ACK of the single range {@code low} .. {@code high}. */
    public static AckFrame of(long ackDelayMicros, long low, long high) {
        return new AckFrame(ackDelayMicros, List.of(new AckRange(low, high)));
    }

    /** The highest acknowledged packet number. */
    public long largestAcknowledged() {
        return ranges.getFirst().high();
    }

    /** Whether {@code packetNumber} is acknowledged. */
    public boolean acknowledges(long packetNumber) {
        for (AckRange r : ranges) {
            if (packetNumber > r.high()) {
                return false;
            }
            if (packetNumber >= r.low()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public FrameType type() {
        return FrameType.ACK;
    }
}
