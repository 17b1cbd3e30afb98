package io.ngisec.client.call;

/** What the encoder should use: target bitrate (bit/s) and expected loss for FEC (%, 0 = no FEC). */
public record BitrateDecision(int bitrateBps, int expectedLossPercent) {

    public BitrateDecision {
        if (bitrateBps < VoiceFormat.MIN_BITRATE || bitrateBps > VoiceFormat.MAX_BITRATE) {
            throw new IllegalArgumentException("bitrate " + bitrateBps + " bit/s outside "
                    + VoiceFormat.MIN_BITRATE + ".." + VoiceFormat.MAX_BITRATE);
        }
        if (expectedLossPercent < 0 || expectedLossPercent > 100) {
            throw new IllegalArgumentException("expected loss " + expectedLossPercent + " % outside 0..100");
        }
    }

    /** Whether the encoder is asked to put FEC data in its packets. */
    public boolean fec() {
        return expectedLossPercent > 0;
    }
}
