package io.ngisec.client.echo;

import io.ngisec.client.audio.AudioFrame;
import io.ngisec.client.audio.AudioSource;
import java.util.Arrays;

/**
 * The echo's call input: the prelude (greeting and tone) frame by frame, then it opens the
 * {@link EchoLine} and plays what comes out of it, silence while it has nothing. Endless until
 * closed; not paced (the call's talker paces it).
 */
final class EchoSource implements AudioSource {

    private final short[] prelude;
    private final EchoLine line;
    private int position;
    private volatile boolean closed;

    /** Plays {@code prelude} (48 kHz mono samples), then echoes {@code line}. */
    EchoSource(short[] prelude, EchoLine line) {
        this.prelude = prelude;
        this.line = line;
    }

    @Override
    public int read(short[] frame) {
        if (frame.length != AudioFrame.SAMPLES) {
            throw new IllegalArgumentException("an audio frame holds " + AudioFrame.SAMPLES + " samples, not " + frame.length);
        }
        if (closed) {
            return -1;
        }
        if (position < prelude.length) {
            int n = Math.min(AudioFrame.SAMPLES, prelude.length - position);
            System.arraycopy(prelude, position, frame, 0, n);
            Arrays.fill(frame, n, AudioFrame.SAMPLES, (short) 0);
            position += n;
            if (position == prelude.length) {
                // Open only now: what the caller said over the greeting is not played back.
                line.open();
            }
            return AudioFrame.SAMPLES;
        }
        if (prelude.length == 0) {
            line.open();
        }
        if (!line.take(frame)) {
            Arrays.fill(frame, (short) 0);
        }
        return AudioFrame.SAMPLES;
    }

    @Override
    public boolean paced() {
        return false;
    }

    @Override
    public String describe() {
        return "echo";
    }

    @Override
    public void close() {
        closed = true;
    }
}
