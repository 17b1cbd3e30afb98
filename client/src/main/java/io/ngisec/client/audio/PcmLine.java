package io.ngisec.client.audio;

import javax.sound.sampled.DataLine;
import javax.sound.sampled.SourceDataLine;
import javax.sound.sampled.TargetDataLine;

/** The part of a javax.sound data line that {@link LineSource} and {@link LineSink} use, so tests can stand in for a device. */
interface PcmLine {

    /** Bytes that can be read (capture) or written (playback) now without blocking. */
    int available();

    /** Reads (capture) or writes (playback) {@code length} bytes; callers ask for no more than {@link #available()}. */
    int transfer(byte[] bytes, int offset, int length);

    /** The line's buffer, in bytes, as the driver granted it. */
    int bufferBytes();

    /** Starts the device moving samples; playback lines start once their buffer holds audio. */
    void start();

    /** Stops and releases the device. */
    void close();

    static PcmLine capture(TargetDataLine line) {
        return new PcmLine() {
            @Override
            public int available() {
                return line.available();
            }

            @Override
            public int transfer(byte[] bytes, int offset, int length) {
                return line.read(bytes, offset, length);
            }

            @Override
            public int bufferBytes() {
                return line.getBufferSize();
            }

            @Override
            public void start() {
                line.start();
            }

            @Override
            public void close() {
                release(line);
            }
        };
    }

    static PcmLine playback(SourceDataLine line) {
        return new PcmLine() {
            @Override
            public int available() {
                return line.available();
            }

            @Override
            public int transfer(byte[] bytes, int offset, int length) {
                return line.write(bytes, offset, length);
            }

            @Override
            public int bufferBytes() {
                return line.getBufferSize();
            }

            @Override
            public void start() {
                line.start();
            }

            @Override
            public void close() {
                release(line);
            }
        };
    }

    private static void release(DataLine line) {
        line.stop();
        line.flush();
        line.close();
    }
}
