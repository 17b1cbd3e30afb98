package io.ngisec.client.audio;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * A generated sine tone, for headless calls and tests: phase-continuous across frames, endless
 * or ending after a duration (the last frame padded with zeros). Not paced.
 */
public final class ToneSource implements AudioSource {

    /** Amplitude of {@link #of}: half of full scale, -6 dBFS peak, loud but far from clipping. */
    public static final double DEFAULT_AMPLITUDE = 0.5;

    private final double hz;
    private final double amplitude;
    private final long totalSamples;
    private long position;
    private volatile boolean closed;

    /**
     * A tone of {@code hz} (below 24 kHz, the Nyquist frequency) at {@code amplitude} (0 to 1 of
     * full scale), lasting {@code duration} or endless when empty.
     */
    public ToneSource(double hz, double amplitude, Optional<Duration> duration) {
        if (!(hz > 0 && hz < AudioFrame.SAMPLE_RATE / 2.0)) {
            throw new IllegalArgumentException("tone frequency must be between 0 and 24000 Hz: " + hz);
        }
        if (!(amplitude >= 0 && amplitude <= 1)) {
            throw new IllegalArgumentException("tone amplitude must be between 0 and 1: " + amplitude);
        }
        this.hz = hz;
        this.amplitude = amplitude;
        this.totalSamples = duration
                .map(d -> Math.round(d.toNanos() / 1e9 * AudioFrame.SAMPLE_RATE))
                .orElse(Long.MAX_VALUE);
    }

    /** An endless tone of {@code hz} at {@link #DEFAULT_AMPLITUDE}. */
    public static ToneSource of(double hz) {
        return new ToneSource(hz, DEFAULT_AMPLITUDE, Optional.empty());
    }

    @Override
    public int read(short[] frame) {
        AudioFrame.requireFrame(frame);
        if (closed || position >= totalSamples) {
            return -1;
        }
        int n = (int) Math.min(AudioFrame.SAMPLES, totalSamples - position);
        double scale = amplitude * Short.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            // From the absolute sample index rather than an accumulated phase, so hours of tone do not drift.
            double phase = 2 * Math.PI * ((hz * (position + i)) % AudioFrame.SAMPLE_RATE) / AudioFrame.SAMPLE_RATE;
            frame[i] = (short) Math.round(scale * Math.sin(phase));
        }
        Arrays.fill(frame, n, AudioFrame.SAMPLES, (short) 0);
        position += n;
        return n;
    }

    @Override
    public boolean paced() {
        return false;
    }

    @Override
    public String describe() {
        return "tone " + (hz == Math.rint(hz) ? String.valueOf((long) hz) : String.valueOf(hz)) + " Hz";
    }

    @Override
    public void close() {
        closed = true;
    }
}
