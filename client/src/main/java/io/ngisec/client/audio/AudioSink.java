package io.ngisec.client.audio;

/** Where a call's incoming audio goes: 20 ms frames of 48 kHz mono 16-bit PCM. */
public interface AudioSink extends AutoCloseable {

    /** Plays or stores one frame. */
    void write(short[] frame) throws AudioException;

    /** Whether {@link #write} blocks at the real-time rate (a device); otherwise the caller paces. */
    boolean paced();

    /** What this is, for messages. */
    String describe();

    @Override
    void close();
}
