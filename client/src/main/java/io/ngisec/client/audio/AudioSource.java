package io.ngisec.client.audio;

/** Where a call's outgoing audio comes from: 20 ms frames of 48 kHz mono 16-bit PCM. */
public interface AudioSource extends AutoCloseable {

    /** Fills one frame; returns the samples read (the rest zero), or -1 at the end of the input. */
    int read(short[] frame) throws AudioException;

    /** Whether {@link #read} blocks at the real-time rate (a device); otherwise the caller paces. */
    boolean paced();

    /** What this is, for messages. */
    String describe();

    @Override
    void close();
}
