package io.ngisec.client.call;

/** Specification constants of the call media: Opus (RFC 6716) at 48 kHz mono in 20 ms frames. */
public final class MediaFormat {

    /** Samples per second of the media clock and of the PCM the decoder produces. */
    public static final int SAMPLE_RATE_HZ = 48_000;
    /** Samples in one frame: 20 ms at 48 kHz. */
    public static final int FRAME_SAMPLES = 960;
    /** One frame in nanoseconds (20 ms). */
    public static final long FRAME_NANOS = 20_000_000L;
    /** Largest Opus packet for one frame (RFC 6716 section 3.4, R4: 1275 bytes). */
    public static final int MAX_OPUS_PACKET_BYTES = 1275;

    private MediaFormat() {
    }

    /** Media time in samples as nanoseconds; exact to the nanosecond below, no overflow for 48 years of samples. */
    public static long samplesToNanos(long samples) {
        // 1e9 / 48000 = 125000 / 6: keeps the product far from overflow for any call length.
        return Math.floorDiv(samples * 125_000L, 6L);
    }
}
