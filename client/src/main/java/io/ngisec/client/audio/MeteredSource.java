package io.ngisec.client.audio;

/**
 * A source that measures each frame it passes on, for input meters: {@link #level()} may be read
 * from any thread and is the level of the last frame read ({@link InputLevel#SILENCE} before the
 * first and after the end). Wrap a {@link MutableSource} to meter what is sent, or be wrapped by
 * one to show the microphone's level while muted.
 */
public final class MeteredSource implements AudioSource {

    private final AudioSource source;
    private volatile InputLevel level = InputLevel.SILENCE;

    public MeteredSource(AudioSource source) {
        this.source = source;
    }

    /** The level of the last frame read. */
    public InputLevel level() {
        return level;
    }

    @Override
    public int read(short[] frame) throws AudioException {
        int n = source.read(frame);
        level = n > 0 ? InputLevel.of(frame, n) : InputLevel.SILENCE;
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
