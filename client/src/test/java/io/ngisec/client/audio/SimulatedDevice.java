package io.ngisec.client.audio;

/**
 * A sound card in simulated time, for the line tests: a buffer that the device drains (playback)
 * or fills (capture) at {@link #speed} times the real-time rate whenever the clock advances
 * after {@link #start()}, as ALSA does; time advances only when the code under test sleeps or the test says so. Captured
 * audio is the running sample count, so a test can tell which samples it got; on overrun the
 * oldest are lost.
 */
final class SimulatedDevice implements PcmLine, LineClock {

    private static final double BYTES_PER_NANO = AudioFrame.SAMPLE_RATE * 2 / 1e9;

    private final boolean capture;
    private final int bufferBytes;
    private double speed = 1;
    private long now;
    private double queued;
    private long nextSample;
    private int mostQueued;
    private boolean closed;
    private boolean started;
    private Runnable onSleep = () -> {
    };

    SimulatedDevice(boolean capture, int bufferBytes) {
        this.capture = capture;
        this.bufferBytes = bufferBytes;
    }

    /** How fast the device runs: 1 real time, 0 stalled. */
    void speed(double speed) {
        this.speed = speed;
    }

    /** Runs {@code action} whenever the code under test sleeps, before time moves on. */
    void onSleep(Runnable action) {
        onSleep = action;
    }

    void advance(long nanos) {
        now += nanos;
        double bytes = started ? nanos * BYTES_PER_NANO * speed : 0;
        if (capture) {
            queued += bytes;
            if (queued > bufferBytes) {
                // Overrun: the oldest samples are lost.
                nextSample += (long) (queued - bufferBytes) / 2;
                queued = bufferBytes - (queued - bufferBytes) % 2;
            }
        } else {
            queued = Math.max(0, queued - bytes);
        }
    }

    int mostQueuedBytes() {
        return mostQueued;
    }

    /** The sample number the next captured byte pair carries. */
    long nextSample() {
        return nextSample;
    }

    boolean closed() {
        return closed;
    }

    boolean started() {
        return started;
    }

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public void sleep(long nanos) throws InterruptedException {
        onSleep.run();
        // As Thread.sleep does.
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        advance(nanos);
    }

    @Override
    public int available() {
        int whole = (int) queued & ~1;
        return capture ? whole : bufferBytes - ((int) Math.ceil(queued) + 1 & ~1);
    }

    @Override
    public int transfer(byte[] bytes, int offset, int length) {
        if (length > available()) {
            throw new AssertionError("a transfer of " + length + " bytes would block; " + available() + " available");
        }
        if (capture) {
            for (int i = offset; i < offset + length; i += 2) {
                short sample = (short) nextSample++;
                bytes[i] = (byte) sample;
                bytes[i + 1] = (byte) (sample >> 8);
            }
            queued -= length;
        } else {
            queued += length;
            mostQueued = Math.max(mostQueued, (int) Math.ceil(queued));
        }
        return length;
    }

    @Override
    public int bufferBytes() {
        return bufferBytes;
    }

    @Override
    public void start() {
        started = true;
    }

    @Override
    public void close() {
        closed = true;
    }
}
