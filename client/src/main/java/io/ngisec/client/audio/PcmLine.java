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
        return over(line, line::read);
    }

    static PcmLine playback(SourceDataLine line) {
        return over(line, line::write);
    }

    /** Moves bytes between the caller and a line: {@code read} for capture, {@code write} for playback. */
    @FunctionalInterface
    interface Transfer {
        int transfer(byte[] bytes, int offset, int length);
    }

    private static PcmLine over(DataLine line, Transfer transfer) {
        return new PcmLine() {
            @Override
            public int available() {
                return line.available();
            }

            @Override
            public int transfer(byte[] bytes, int offset, int length) {
                return transfer.transfer(bytes, offset, length);
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
                line.stop();
                line.flush();
                line.close();
            }
        };
    }
}
