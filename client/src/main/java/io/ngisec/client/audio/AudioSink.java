package io.ngisec.client.audio;

/**
 * Where a call's incoming audio goes: 20 ms frames of 48 kHz mono 16-bit PCM to a speaker, a WAV
 * file, nowhere. One thread writes; {@link #close()} may come from another thread.
 */
public interface AudioSink extends AutoCloseable {

    /** Plays or stores one frame ({@link AudioFrame#SAMPLES} samples). */
    void write(short[] frame) throws AudioException;

    /** Whether {@link #write} blocks at the real-time rate (a device); otherwise the caller paces. */
    boolean paced();

    /**
     * For a {@link #paced} sink: waits until the next {@link #write} can take a frame at once, so
     * the caller can produce the frame just in time rather than have it wait, decoded, for the
     * device. Returns at once for a sink that does not wait; never waits longer than a write may.
     */
    default void awaitRoom() {
    }

    /** What this writes to, for messages: {@code file x.wav}, {@code device "default"}, {@code none}. */
    String describe();

    /** Releases the output; never fails (a sink that can fail on completion says how to learn of it). */
    @Override
    void close();
}
