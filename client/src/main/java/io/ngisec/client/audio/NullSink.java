package io.ngisec.client.audio;

/** Discards audio, for {@code --out none}: a call whose far side nobody hears. Not paced. */
public final class NullSink implements AudioSink {

    @Override
    public void write(short[] frame) {
        AudioFrame.requireFrame(frame);
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
        // Nothing held.
    }
}
