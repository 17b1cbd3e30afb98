package io.ngisec.client.call;

/** The one audio format of a call: 48 kHz mono 16-bit PCM in 20 ms frames, Opus-coded. */
public final class VoiceFormat {

    /** Samples per second. */
    public static final int SAMPLE_RATE = 48_000;
    /** Mono: a call carries one voice. */
    public static final int CHANNELS = 1;
    /** Frame duration in milliseconds. */
    public static final int FRAME_MILLIS = 20;
    /** Samples in one frame (20 ms at 48 kHz). */
    public static final int FRAME_SAMPLES = SAMPLE_RATE / 1000 * FRAME_MILLIS;
    /** Frames per second, which is also packets per second. */
    public static final int FRAMES_PER_SECOND = 1000 / FRAME_MILLIS;
    /** Lowest bitrate the call uses, bit/s. */
    public static final int MIN_BITRATE = 16_000;
    /** Highest bitrate the call uses, bit/s. */
    public static final int MAX_BITRATE = 64_000;
    /** RFC 6716 3.4 [R5]: a 20 ms frame's compressed data is at most 1275 bytes. */
    public static final int MAX_PACKET_BYTES = 1275;

    private VoiceFormat() {
    }
}
