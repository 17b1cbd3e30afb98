package io.ngisec.client.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * Objective similarity of received audio to what was sent, for call tests and measurements. No
 * PESQ-like tool is available, so: the received signal is aligned to the reference by
 * cross-correlation (coarse on a decimated copy, then exact), then each one-second window of the
 * reference is aligned again within {@value #WINDOW_SEARCH_MS} ms of that lag (the receiver's
 * jitter buffer stretches and drops 20 ms during a call, which shifts the alignment piecewise),
 * and the score is the mean Pearson correlation of the windows that carry signal. Opus is a
 * perceptual codec: waveform measures are only comparable between runs of the same settings
 * (see ../shared/AUDIO-TESTS.md), which is how the tests use them.
 */
public final class AudioCompare {

    static final int WINDOW_SEARCH_MS = 120;
    private static final int RATE = 48_000;
    private static final int DECIMATION = 8;

    private AudioCompare() {
    }

    /**
     * The result: the global lag (samples the received signal is behind), the windowed score (the
     * mean over the compared windows) and the median window's score, which a few windows hit by
     * late frames do not move.
     */
    public record Similarity(int lagSamples, double correlation, int windows, double medianCorrelation) {
    }

    /** Compares {@code received} with {@code reference}, searching lags from 0 to {@code maxLagMs}. */
    public static Similarity compare(short[] reference, short[] received, int maxLagMs) {
        return compare(reference, received, maxLagMs, 0);
    }

    /**
     * As {@link #compare(short[], short[], int)}, scoring only the windows of the reference from
     * {@code fromMs} on (the alignment still uses all of it): the start of a call runs before the
     * first receiver report has set the talker's bitrate and FEC.
     */
    public static Similarity compare(short[] reference, short[] received, int maxLagMs, int fromMs) {
        int lag = align(reference, received, 0, reference.length, 0, maxLagMs * RATE / 1000);
        int window = RATE;
        int search = WINDOW_SEARCH_MS * RATE / 1000;
        double sum = 0;
        int counted = 0;
        List<Double> each = new ArrayList<>();
        for (int from = fromMs * (RATE / 1000); from + window <= reference.length; from += window) {
            if (rms(reference, from, from + window) < 300) {
                continue; // a pause: nothing to compare
            }
            int local = align(reference, received, from, from + window, Math.max(0, lag - search), lag + search);
            double c = correlation(reference, received, local, from, from + window);
            sum += c;
            counted++;
            each.add(c);
        }
        each.sort(null);
        double median = counted == 0 ? 0 : counted % 2 == 1 ? each.get(counted / 2)
                : (each.get(counted / 2 - 1) + each.get(counted / 2)) / 2;
        return new Similarity(lag, counted == 0 ? 0 : sum / counted, counted, median);
    }

    /** Pearson correlation of reference[from, to) with received shifted by {@code lag}; 0 where they do not overlap. */
    public static double correlation(short[] reference, short[] received, int lag, int from, int to) {
        double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        int n = 0;
        for (int i = from; i < to && i + lag < received.length; i++) {
            if (i + lag < 0) {
                continue;
            }
            double x = reference[i];
            double y = received[i + lag];
            sx += x;
            sy += y;
            sxx += x * x;
            syy += y * y;
            sxy += x * y;
            n++;
        }
        if (n < 2) {
            return 0;
        }
        double cov = sxy - sx * sy / n;
        double vx = sxx - sx * sx / n;
        double vy = syy - sy * sy / n;
        return vx <= 0 || vy <= 0 ? 0 : cov / Math.sqrt(vx * vy);
    }

    /** The lag in [minLag, maxLag] that best matches reference[from, to): coarse on a decimated copy, then exact. */
    static int align(short[] reference, short[] received, int from, int to, int minLag, int maxLag) {
        double[] ref = decimate(reference, from, to);
        double[] rec = decimate(received, 0, received.length);
        int best = minLag;
        double bestScore = Double.NEGATIVE_INFINITY;
        int coarseFrom = from / DECIMATION;
        for (int lag = minLag / DECIMATION; lag <= maxLag / DECIMATION; lag++) {
            double score = 0;
            for (int i = 0; i < ref.length; i++) {
                int j = coarseFrom + i + lag;
                if (j >= 0 && j < rec.length) {
                    score += ref[i] * rec[j];
                }
            }
            if (score > bestScore) {
                bestScore = score;
                best = lag * DECIMATION;
            }
        }
        int exact = best;
        bestScore = Double.NEGATIVE_INFINITY;
        for (int lag = Math.max(minLag, best - DECIMATION); lag <= Math.min(maxLag, best + DECIMATION); lag++) {
            double score = correlation(reference, received, lag, from, to);
            if (score > bestScore) {
                bestScore = score;
                exact = lag;
            }
        }
        return exact;
    }

    private static double[] decimate(short[] signal, int from, int to) {
        double[] out = new double[Math.max(0, (to - from) / DECIMATION)];
        for (int i = 0; i < out.length; i++) {
            double sum = 0;
            for (int k = 0; k < DECIMATION; k++) {
                sum += signal[from + i * DECIMATION + k];
            }
            out[i] = sum / DECIMATION;
        }
        return out;
    }

    private static double rms(short[] signal, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) signal[i] * signal[i];
        }
        return Math.sqrt(sum / Math.max(1, to - from));
    }
}
