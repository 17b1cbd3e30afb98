package io.ngisec.client.audio;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.DoubleConsumer;

/**
 * Reads a WAV file as call audio: 16-bit PCM, mono or stereo (averaged to mono), at any rate
 * from 8 to 192 kHz ({@link Resampler} converts to 48 kHz; 48 kHz mono passes bit-exact).
 * Everything else, and files that are missing, unreadable or not WAV, fail at {@link #open}
 * with one line naming the file. A data chunk shorter than its header says (a recording cut
 * off) plays up to where the file ends. Not paced: the caller reads at its own rate.
 */
public final class WavSource implements AudioSource {

    private static final int CHUNK_BYTES = 64 * 1024;

    private final String name;
    private final InputStream in;
    private final WavHeader header;
    private final Resampler resampler;
    private final SampleQueue queue = new SampleQueue();
    private final DoubleConsumer toQueue = queue::add;
    private final byte[] chunk = new byte[CHUNK_BYTES];
    private long remaining;
    private boolean ended;
    private boolean closed;

    private WavSource(String name, InputStream in, WavHeader header) {
        this.name = name;
        this.in = in;
        this.header = header;
        this.resampler = header.sampleRate() == AudioFrame.SAMPLE_RATE
                ? null : new Resampler(header.sampleRate(), AudioFrame.SAMPLE_RATE);
        this.remaining = header.dataBytes() == WavHeader.UNKNOWN_SIZE ? Long.MAX_VALUE : header.dataBytes();
    }

    /** Opens {@code path} and reads its header; fails with one line naming the file when it cannot play it. */
    public static WavSource open(Path path) throws AudioException {
        if (Files.isDirectory(path)) {
            throw new AudioException(AudioException.Reason.BAD_INPUT, path + ": is a directory, not a WAV file");
        }
        InputStream in;
        try {
            in = new BufferedInputStream(Files.newInputStream(path), CHUNK_BYTES);
        } catch (IOException e) {
            throw FileErrors.of(path, e, AudioException.Reason.BAD_INPUT);
        }
        return read(in, path.toString());
    }

    /**
     * Reads WAV audio from {@code in} (a bundled resource), named {@code name} in messages; closing
     * the source closes {@code in}. Fails as {@link #open} does when it cannot play it.
     */
    public static WavSource read(InputStream in, String name) throws AudioException {
        InputStream buffered = in instanceof BufferedInputStream ? in : new BufferedInputStream(in, CHUNK_BYTES);
        try {
            WavHeader header = WavHeader.read(buffered, name);
            header.requireSupported(name);
            return new WavSource(name, buffered, header);
        } catch (AudioException e) {
            closeQuietly(buffered);
            throw e;
        } catch (IOException e) {
            closeQuietly(buffered);
            throw FileErrors.of(name, e, AudioException.Reason.BAD_INPUT);
        }
    }

    /** The file's own sample rate, before conversion to 48 kHz. */
    public int fileSampleRate() {
        return header.sampleRate();
    }

    /** The file's channels (1 or 2), before mixing to mono. */
    public int fileChannels() {
        return header.channels();
    }

    @Override
    public synchronized int read(short[] frame) throws AudioException {
        AudioFrame.requireFrame(frame);
        if (closed) {
            return -1;
        }
        while (queue.size() < AudioFrame.SAMPLES && !ended) {
            fill();
        }
        int n = queue.take(frame);
        if (n == 0) {
            return -1;
        }
        Arrays.fill(frame, n, AudioFrame.SAMPLES, (short) 0);
        return n;
    }

    private void fill() throws AudioException {
        int block = header.blockBytes();
        int want = (int) Math.min(CHUNK_BYTES, remaining);
        want -= want % block;
        int got;
        try {
            got = want == 0 ? 0 : in.readNBytes(chunk, 0, want);
        } catch (IOException e) {
            throw FileErrors.of(name, e, AudioException.Reason.FAILED);
        }
        remaining -= got;
        // A file cut inside a sample frame: the partial frame is dropped.
        got -= got % block;
        boolean stereo = header.channels() == 2;
        for (int i = 0; i < got; i += block) {
            double sample = stereo ? (sample(i) + sample(i + 2)) / 2.0 : sample(i);
            if (resampler == null) {
                queue.add(sample);
            } else {
                resampler.accept(sample, toQueue);
            }
        }
        if (got < want || want == 0) {
            if (resampler != null) {
                resampler.finish(toQueue);
            }
            ended = true;
        }
    }

    private int sample(int offset) {
        return (short) ((chunk[offset] & 0xff) | chunk[offset + 1] << 8);
    }

    @Override
    public boolean paced() {
        return false;
    }

    @Override
    public String describe() {
        return "file " + name;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            closeQuietly(in);
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // Nothing was written; a failed close of an input loses nothing.
        }
    }
}
