package io.ngisec.client.call;

import java.time.Duration;

/**
 * Tunables of a {@link JitterBuffer}.
 *
 * @param minDelay lower bound of the target delay
 * @param maxDelay upper bound of the target delay; the buffer drops frames even in speech beyond it
 * @param windowFrames how many recent frames the delay variation is measured over
 * @param percentile the share of frames that should arrive in time, e.g. 0.95
 * @param silencePayloadBytes Opus packets up to this length count as silence even when not flagged
 *     (DTX and comfort-noise packets are one to a few bytes; speech at 16 kbit/s is about 40)
 */
public record JitterBufferConfig(Duration minDelay, Duration maxDelay, int windowFrames, double percentile,
        int silencePayloadBytes) {

    /** Checks that the bounds are ordered and at least a frame, the window non-trivial and the percentile a share. */
    public JitterBufferConfig {
        if (minDelay.toNanos() < MediaFormat.FRAME_NANOS || maxDelay.compareTo(minDelay) < 0) {
            throw new IllegalArgumentException("need 20 ms <= minDelay <= maxDelay: " + minDelay + ", " + maxDelay);
        }
        if (maxDelay.toSeconds() > 10) {
            throw new IllegalArgumentException("maxDelay over 10 s: " + maxDelay);
        }
        if (windowFrames < 20 || windowFrames > 10_000) {
            throw new IllegalArgumentException("windowFrames out of 20..10000: " + windowFrames);
        }
        if (!(percentile > 0 && percentile <= 1)) {
            throw new IllegalArgumentException("percentile out of (0, 1]: " + percentile);
        }
        if (silencePayloadBytes < 0) {
            throw new IllegalArgumentException("silencePayloadBytes < 0");
        }
    }

    /** 20-200 ms, the 95th percentile over the last 250 frames (5 s), packets up to 3 bytes count as silence. */
    public static JitterBufferConfig defaults() {
        return new JitterBufferConfig(Duration.ofMillis(20), Duration.ofMillis(200), 250, 0.95, 3);
    }
}
