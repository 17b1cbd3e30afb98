package io.ngisec.app.service;

import io.ngisec.client.audio.AudioException;
import io.ngisec.client.audio.AudioSink;
import io.ngisec.client.audio.InputLevel;

/** An {@link AudioSink} that remembers the level of the last frame it played, for the output meter. */
final class MeteredSink implements AudioSink {

    private final AudioSink sink;
    private volatile double levelDbfs = InputLevel.FLOOR_DBFS;

    MeteredSink(AudioSink sink) {
        this.sink = sink;
    }

    /** The RMS level of the last frame written (dBFS). */
    double levelDbfs() {
        return levelDbfs;
    }

    @Override
    public void write(short[] frame) throws AudioException {
        levelDbfs = InputLevel.of(frame, frame.length).rmsDbfs();
        sink.write(frame);
    }

    @Override
    public boolean paced() {
        return sink.paced();
    }

    @Override
    public void awaitRoom() {
        sink.awaitRoom();
    }

    @Override
    public String describe() {
        return sink.describe();
    }

    @Override
    public void close() {
        sink.close();
    }
}
