package io.ngisec.client.audio;

import java.util.Arrays;

/** Endless silence, for {@code --in none}: a call that only listens. Not paced. */
public final class SilenceSource implements AudioSource {

    private volatile boolean closed;

    @Override
    public int read(short[] frame) {
        AudioFrame.requireFrame(frame);
        if (closed) {
            return -1;
        }
        Arrays.fill(frame, (short) 0);
        return AudioFrame.SAMPLES;
    }

    @Override
    public boolean paced() {
        return false;
    }

    @Override
    public String describe() {
        return "none";
    }

    @Override
    public void close() {
        closed = true;
    }
}
