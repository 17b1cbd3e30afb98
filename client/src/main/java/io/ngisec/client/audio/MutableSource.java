package io.ngisec.client.audio;

import java.util.Arrays;

/**
 * A source that can be muted: while muted, frames still come from the underlying source (so a
 * device keeps its pace and does not fill up) but are zeros. Mute may be switched from any
 * thread; it takes effect from the next frame read.
 */
public final class MutableSource implements AudioSource {

    private final AudioSource source;
    private volatile boolean muted;

    public MutableSource(AudioSource source) {
        this.source = source;
    }

    public void setMuted(boolean muted) {
        this.muted = muted;
    }

    public boolean muted() {
        return muted;
    }

    @Override
    public int read(short[] frame) throws AudioException {
        int n = source.read(frame);
        if (n > 0 && muted) {
            Arrays.fill(frame, (short) 0);
        }
        return n;
    }

    @Override
    public boolean paced() {
        return source.paced();
    }

    @Override
    public String describe() {
        return source.describe();
    }

    @Override
    public void close() {
        source.close();
    }
}
