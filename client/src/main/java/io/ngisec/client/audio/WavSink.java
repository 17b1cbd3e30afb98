package io.ngisec.client.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Records call audio to a WAV file: 48 kHz mono 16-bit PCM, written straight to its final name
 * (an existing file is replaced). The header's sizes are rewritten every second and at
 * {@link #close}, and each frame goes to the operating system as it is written, so a process
 * that is killed leaves a valid, playable file whose header covers all but at most the last
 * second written (the rest follows the data chunk, where readers ignore it). Not paced: the
 * caller writes at its own rate. Files are limited to the RIFF format's 4 GiB, about 12 hours.
 */
public final class WavSink implements AudioSink {

    /** Frames between header rewrites: one second. */
    static final int FRAMES_PER_HEADER_UPDATE = 1000 / AudioFrame.MILLIS;

    private final Path path;
    private final FileChannel channel;
    private final byte[] bytes = new byte[AudioFrame.BYTES];
    private long dataBytes;
    private int framesSinceUpdate;
    private boolean closed;

    private WavSink(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    /** Creates or replaces {@code path} with an empty WAV file; fails with one line naming the file. */
    public static WavSink create(Path path) throws AudioException {
        if (Files.isDirectory(path)) {
            throw new AudioException(AudioException.Reason.BAD_INPUT, path + ": is a directory, not a WAV file");
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw FileErrors.of(path, e, AudioException.Reason.BAD_INPUT);
        }
        WavSink sink = new WavSink(path, channel);
        try {
            sink.writeFully(WavHeader.canonical(0));
        } catch (IOException e) {
            sink.closeQuietly();
            throw FileErrors.of(path, e, AudioException.Reason.BAD_INPUT);
        }
        return sink;
    }

    @Override
    public synchronized void write(short[] frame) throws AudioException {
        AudioFrame.requireFrame(frame);
        if (closed) {
            throw new AudioException(AudioException.Reason.FAILED, path + ": already closed");
        }
        if (dataBytes + AudioFrame.BYTES > WavHeader.MAX_DATA_BYTES) {
            throw new AudioException(AudioException.Reason.FAILED, path + ": WAV files end at 4 GiB (about 12 hours)");
        }
        AudioFrame.toBytes(frame, bytes);
        try {
            writeFully(ByteBuffer.wrap(bytes));
            dataBytes += AudioFrame.BYTES;
            if (++framesSinceUpdate >= FRAMES_PER_HEADER_UPDATE) {
                updateHeader();
            }
        } catch (IOException e) {
            throw FileErrors.of(path, e, AudioException.Reason.FAILED);
        }
    }

    /** Bytes of audio written so far. */
    public synchronized long dataBytes() {
        return dataBytes;
    }

    @Override
    public boolean paced() {
        return false;
    }

    @Override
    public String describe() {
        return "file " + path;
    }

    /** Writes the final sizes and closes the file; fails if the sizes cannot be written. */
    public synchronized void finish() throws AudioException {
        if (closed) {
            return;
        }
        closed = true;
        try (channel) {
            updateHeader();
        } catch (IOException e) {
            throw FileErrors.of(path, e, AudioException.Reason.FAILED);
        }
    }

    /**
     * {@link #finish()}, ignoring a failure: the file then stays valid up to its last header
     * update, at most a second before the end.
     */
    @Override
    public void close() {
        try {
            finish();
        } catch (AudioException e) {
            // As documented: the periodic header keeps the file playable.
        }
    }

    private void updateHeader() throws IOException {
        ByteBuffer size = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
        size.putInt(0, (int) (dataBytes + WavHeader.CANONICAL_BYTES - 8));
        channel.write(size, WavHeader.RIFF_SIZE_OFFSET);
        size.clear().putInt(0, (int) dataBytes);
        channel.write(size, WavHeader.DATA_SIZE_OFFSET);
        framesSinceUpdate = 0;
    }

    private void writeFully(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    private void closeQuietly() {
        try {
            channel.close();
        } catch (IOException e) {
            // The file is unusable anyway; the caller reports the first failure.
        }
    }
}
