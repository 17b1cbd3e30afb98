package io.ngisec.client.echo;

import io.ngisec.client.audio.AudioSink;

/** The echo's call output: what the caller says goes into the {@link EchoLine}, not to a speaker. Not paced. */
final class EchoSink implements AudioSink {

    private final EchoLine line;

    EchoSink(EchoLine line) {
        this.line = line;
    }

    @Override
    public void write(short[] frame) {
        line.put(frame);
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
        // Nothing held: the line goes with the call.
    }
}
