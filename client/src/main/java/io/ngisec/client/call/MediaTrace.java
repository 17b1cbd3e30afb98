package io.ngisec.client.call;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An optional per-frame log of a call's media timing, for measurements (one-way delay, pipeline
 * latency), not for users: lines {@code tx SEQ CAPTURED SENT}, {@code rx SEQ ARRIVED} and
 * {@code play POPPED WRITTEN}, times in {@link System#nanoTime} nanoseconds. Processes on one
 * Linux host share that clock (CLOCK_MONOTONIC, network namespaces included), so a sender's and a
 * receiver's traces compare directly. Enabled by the {@value #ENV} environment variable naming the
 * file. Each line is one synchronized write; flushed on close.
 */
final class MediaTrace implements AutoCloseable {

    static final String ENV = "NGISEC_MEDIA_TRACE";

    private static final MediaTrace OFF = new MediaTrace(null);

    private final BufferedWriter out;

    private MediaTrace(BufferedWriter out) {
        this.out = out;
    }

    /** The trace the environment asks for, or one that records nothing. */
    static MediaTrace fromEnvironment() {
        return to(Optional.ofNullable(System.getenv(ENV)).filter(s -> !s.isBlank()).map(Path::of));
    }

    static MediaTrace to(Optional<Path> file) {
        if (file.isEmpty()) {
            return OFF;
        }
        try {
            return new MediaTrace(Files.newBufferedWriter(file.get(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return OFF; // a measurement aid must never stop a call
        }
    }

    void sent(int sequence, long capturedNanos, long sentNanos) {
        line("tx " + sequence + " " + capturedNanos + " " + sentNanos);
    }

    void received(int sequence, long arrivedNanos) {
        line("rx " + sequence + " " + arrivedNanos);
    }

    void played(long poppedNanos, long writtenNanos) {
        line("play " + poppedNanos + " " + writtenNanos);
    }

    private void line(String text) {
        if (out == null) {
            return;
        }
        synchronized (this) {
            try {
                out.write(text);
                out.newLine();
            } catch (IOException e) {
                // ignored: see to()
            }
        }
    }

    @Override
    public synchronized void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                // ignored: see to()
            }
        }
    }
}
