package io.ngisec.client.audio;

/**
 * Where a call's outgoing audio comes from: 20 ms frames of 48 kHz mono 16-bit PCM from a
 * microphone, a WAV file, a generated signal. One thread reads; {@link #close()} may come from
 * another thread and makes a blocked or later {@link #read} return -1.
 */
public interface AudioSource extends AutoCloseable {

    /**
     * Fills {@code frame} ({@link AudioFrame#SAMPLES} samples) with the next 20 ms; a short last
     * frame is padded with zeros. Returns the samples that came from the input, or -1 at its end.
     */
    int read(short[] frame) throws AudioException;

    /** Whether {@link #read} blocks at the real-time rate (a device); otherwise the caller paces. */
    boolean paced();

    /** What this reads from, for messages: {@code file x.wav}, {@code device "default"}, {@code tone 440 Hz}. */
    String describe();

    /** Releases the input; never fails. */
    @Override
    void close();
}
