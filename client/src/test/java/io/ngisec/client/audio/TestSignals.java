package io.ngisec.client.audio;

import java.util.Arrays;

/** Measurements on sample arrays for the audio tests: frequency, level, spectral power. */
final class TestSignals {

    private TestSignals() {
    }

    /** A sine of {@code hz} at {@code amplitude} (of full scale), {@code samples} long at {@code rate}. */
    static short[] sine(double hz, double amplitude, int rate, int samples) {
        short[] out = new short[samples];
        for (int i = 0; i < samples; i++) {
            out[i] = (short) Math.round(amplitude * Short.MAX_VALUE * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return out;
    }

    /**
     * Frequency from upward zero crossings over [from, to), interpolated to a fraction of a sample:
     * cycles between the first and the last crossing over the time between them.
     */
    static double zeroCrossingHz(short[] s, int from, int to, int rate) {
        double first = -1;
        double last = -1;
        int cycles = -1;
        for (int i = from + 1; i < to; i++) {
            if (s[i - 1] < 0 && s[i] >= 0) {
                double t = i - 1 + (double) -s[i - 1] / (s[i] - s[i - 1]);
                if (first < 0) {
                    first = t;
                }
                last = t;
                cycles++;
            }
        }
        return cycles <= 0 ? 0 : cycles * rate / (last - first);
    }

    /** RMS of [from, to) as a fraction of full scale. */
    static double rms(short[] s, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) s[i] * s[i];
        }
        return Math.sqrt(sum / (to - from)) / Short.MAX_VALUE;
    }

    /** Power at {@code hz} over [from, to) (Goertzel), normalized so a sine of amplitude A gives about A^2/4 of full scale squared. */
    static double power(short[] s, int from, int to, double hz, int rate) {
        double w = 2 * Math.PI * hz / rate;
        double coeff = 2 * Math.cos(w);
        double s1 = 0;
        double s2 = 0;
        int n = to - from;
        for (int i = from; i < to; i++) {
            // Hann window: keeps a strong tone's leakage from masking a weak one elsewhere.
            double window = 0.5 - 0.5 * Math.cos(2 * Math.PI * (i - from) / (n - 1));
            double s0 = window * s[i] / Short.MAX_VALUE + coeff * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        double power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
        return power / ((double) n * n / 4);
    }

    /** Power at {@code hz} relative to power at {@code reference}, in dB. */
    static double relativeDb(short[] s, int from, int to, double hz, double reference, int rate) {
        return 10 * Math.log10(power(s, from, to, hz, rate) / power(s, from, to, reference, rate));
    }

    /** Every sample {@code source} gives until its end, without the padding of its last frame. */
    static short[] readAll(AudioSource source) throws AudioException {
        short[] all = new short[0];
        int size = 0;
        short[] frame = AudioFrame.create();
        int n;
        while ((n = source.read(frame)) >= 0) {
            if (size + n > all.length) {
                all = Arrays.copyOf(all, Math.max(2 * all.length, size + n));
            }
            System.arraycopy(frame, 0, all, size, n);
            size += n;
        }
        return Arrays.copyOf(all, size);
    }
}
