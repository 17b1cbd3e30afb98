package io.ngisec.client.audio;

import java.time.Duration;

/**
 * Captures from an audio device (a javax.sound {@code TargetDataLine}); {@link AudioDevices#openCapture}
 * opens one. {@link #read} waits for a whole frame, so reads come at the device's real-time
 * rate; it waits by polling the line (sleeping until the missing samples are due) rather than in
 * a blocking driver call, so a device that stops delivering fails the read after
 * {@link #STALL_LIMIT} instead of hanging the call. A reader that falls behind loses the oldest
 * audio when the line's small buffer overruns, which keeps the capture delay within that buffer.
 * One thread reads; {@link #close} may come from any thread and ends reading, and so does
 * interrupting the reader: the read returns -1 with the interrupt still set.
 */
public final class LineSource implements AudioSource {

    /**
     * How long a read waits for samples before the device counts as stopped: well above the one
     * to two seconds a PulseAudio stream on a null sink takes to deliver its first samples.
     */
    public static final Duration STALL_LIMIT = Duration.ofSeconds(5);

    private static final long BYTES_PER_MILLI = AudioFrame.SAMPLE_RATE * 2L / 1000;

    private final PcmLine line;
    private final String description;
    private final LineClock clock;
    private final byte[] bytes = new byte[AudioFrame.BYTES];
    private volatile boolean closed;

    LineSource(PcmLine line, String description, LineClock clock) {
        this.line = line;
        this.description = description;
        this.clock = clock;
    }

    @Override
    public int read(short[] frame) throws AudioException {
        AudioFrame.requireFrame(frame);
        long deadline = clock.nanoTime() + STALL_LIMIT.toNanos();
        int have = 0;
        while (have < AudioFrame.BYTES) {
            if (closed) {
                return -1;
            }
            int ready = Math.min(line.available(), AudioFrame.BYTES - have) & ~1;
            if (ready > 0) {
                have += Math.max(0, line.transfer(bytes, have, ready));
                continue;
            }
            long now = clock.nanoTime();
            if (now >= deadline) {
                throw new AudioException(AudioException.Reason.FAILED,
                        description + " delivered no audio for " + STALL_LIMIT.toSeconds() + " s");
            }
            long due = (AudioFrame.BYTES - have) / BYTES_PER_MILLI * 1_000_000;
            if (!sleep(Math.min(Math.max(due, 1_000_000), deadline - now))) {
                return -1;
            }
        }
        AudioFrame.fromBytes(bytes, frame);
        return AudioFrame.SAMPLES;
    }

    /** Samples captured and waiting to be read: the capture side's share of the call's delay. */
    public int queuedSamples() {
        return closed ? 0 : line.available() / 2;
    }

    /** The line's buffer in samples, as the driver granted it. */
    public int bufferSamples() {
        return line.bufferBytes() / 2;
    }

    @Override
    public boolean paced() {
        return true;
    }

    @Override
    public String describe() {
        return description;
    }

    /** Releases the device; a read in progress returns -1. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        AudioDevices.release(line, "closing " + description);
    }

    /** Sleeps; false when interrupted, which asks the reader to stop (the interrupt stays set). */
    private boolean sleep(long nanos) {
        try {
            clock.sleep(nanos);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
