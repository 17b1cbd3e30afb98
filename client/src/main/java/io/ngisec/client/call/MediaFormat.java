package io.ngisec.client.call;

/** Media time in nanoseconds, for the jitter buffer; the codec's constants are in {@link VoiceFormat}. */
public final class MediaFormat {

    /** One frame in nanoseconds (20 ms). */
    public static final long FRAME_NANOS = VoiceFormat.FRAME_MILLIS * 1_000_000L;

    private MediaFormat() {
    }

    /** Media time in 48 kHz samples as nanoseconds; exact to the nanosecond below, no overflow for 48 years of samples. */
    public static long samplesToNanos(long samples) {
        // 1e9 / 48000 = 125000 / 6: keeps the product far from overflow for any call length.
        return Math.floorDiv(samples * 125_000L, 6L);
    }
}
