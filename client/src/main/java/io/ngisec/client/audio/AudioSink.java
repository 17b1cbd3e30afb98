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

    /** What this writes to, for messages: {@code file x.wav}, {@code device "default"}, {@code none}. */
    String describe();

    /** Releases the output; never fails (a sink that can fail on completion says how to learn of it). */
    @Override
    void close();
}
