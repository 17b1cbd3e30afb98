package io.ngisec.client.audio;

import java.util.function.DoubleConsumer;

/**
 * Streaming sample-rate converter by band-limited (windowed-sinc) interpolation, as in J. O.
 * Smith's "Digital Audio Resampling": output sample n sits at input time t = n * in / out (exact
 * rational arithmetic, so long inputs do not drift) and is the sum of the inputs around t weighted
 * by a sinc low-pass whose cutoff is 92% of the lower of the two Nyquist frequencies, shaped by a
 * Kaiser window (beta 8.6, about -86 dB side lobes) over 32 zero crossings per side. The kernel
 * comes from a table with 512 points per input sample, linearly interpolated; each output is
 * divided by the sum of its weights so a constant input stays exactly constant.
 *
 * <p>Inputs before the first are taken as zero, and {@link #finish} pads the end with zeros, so
 * the output is ceil(inputs * out / in) samples long and aligned with the input (no added
 * delay). Not safe for concurrent use.
 */
final class Resampler {

    private static final int ZERO_CROSSINGS = 32;
    private static final int TABLE_STEPS = 512;
    private static final double KAISER_BETA = 8.6;
    private static final double ROLLOFF = 0.92;

    private final long inRate;
    private final long outRate;
    private final double halfWidth;
    private final int taps;
    private final double[] kernel;

    private double[] pending;
    private int pendingHead;
    private int pendingCount;
    /** Input index of {@code pending[pendingHead]}. */
    private long pendingStart;
    private long inputs;
    private long nextOutput;

    Resampler(int inputRate, int outputRate) {
        if (inputRate <= 0 || outputRate <= 0) {
            throw new IllegalArgumentException("sample rates must be positive");
        }
        long gcd = gcd(inputRate, outputRate);
        inRate = inputRate / gcd;
        outRate = outputRate / gcd;
        double cutoff = ROLLOFF * Math.min(1.0, (double) outputRate / inputRate);
        halfWidth = ZERO_CROSSINGS / cutoff;
        taps = (int) Math.ceil(halfWidth);
        kernel = kernel(cutoff, halfWidth);
        pending = new double[4 * taps + 1024];
        // Zeros before the first input, so the first outputs have their left-hand neighbours.
        pendingStart = -taps;
        pendingCount = taps;
    }

    /** Adds one input sample and passes every output sample it completes to {@code out}. */
    void accept(double sample, DoubleConsumer out) {
        append(sample);
        inputs++;
        emit(Long.MAX_VALUE, out);
    }

    /** Ends the input: pads it with zeros and passes the remaining output samples to {@code out}. */
    void finish(DoubleConsumer out) {
        long total = Math.ceilDiv(inputs * outRate, inRate);
        while (nextOutput < total) {
            append(0);
            emit(total, out);
        }
    }

    private void emit(long limit, DoubleConsumer out) {
        while (nextOutput < limit) {
            long position = nextOutput * inRate;
            long base = position / outRate;
            if (base + taps >= pendingStart + pendingCount) {
                return;
            }
            double frac = (double) (position % outRate) / outRate;
            double sum = 0;
            double weights = 0;
            for (long k = base - taps + 1; k <= base + taps; k++) {
                double weight = weight(Math.abs(frac + (base - k)));
                sum += weight * pending[(int) ((pendingHead + (k - pendingStart)) % pending.length)];
                weights += weight;
            }
            out.accept(sum / weights);
            nextOutput++;
            discardBefore((nextOutput * inRate) / outRate - taps + 1);
        }
    }

    private double weight(double distance) {
        double position = distance * TABLE_STEPS;
        int index = (int) position;
        if (index >= kernel.length - 1) {
            return 0;
        }
        double frac = position - index;
        return kernel[index] + frac * (kernel[index + 1] - kernel[index]);
    }

    private void append(double sample) {
        if (pendingCount == pending.length) {
            double[] larger = new double[pending.length * 2];
            for (int i = 0; i < pendingCount; i++) {
                larger[i] = pending[(pendingHead + i) % pending.length];
            }
            pending = larger;
            pendingHead = 0;
        }
        pending[(pendingHead + pendingCount) % pending.length] = sample;
        pendingCount++;
    }

    private void discardBefore(long index) {
        long drop = Math.min(index - pendingStart, pendingCount);
        if (drop > 0) {
            pendingHead = (int) ((pendingHead + drop) % pending.length);
            pendingCount -= (int) drop;
            pendingStart += drop;
        }
    }

    /** h(x) = fc sinc(fc x) w(x / halfWidth) for x = i / TABLE_STEPS, zero at and past the window's end. */
    private static double[] kernel(double cutoff, double halfWidth) {
        int points = (int) Math.ceil(halfWidth * TABLE_STEPS) + 1;
        double[] table = new double[points + 1];
        double norm = besselI0(KAISER_BETA);
        for (int i = 0; i < points; i++) {
            double x = (double) i / TABLE_STEPS;
            double r = x / halfWidth;
            if (r >= 1) {
                break;
            }
            double y = cutoff * x;
            double sinc = y == 0 ? 1 : Math.sin(Math.PI * y) / (Math.PI * y);
            table[i] = cutoff * sinc * besselI0(KAISER_BETA * Math.sqrt(1 - r * r)) / norm;
        }
        return table;
    }

    /** Zeroth-order modified Bessel function of the first kind, by its power series. */
    private static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        for (int k = 1; k < 50; k++) {
            term *= (x / (2 * k)) * (x / (2 * k));
            sum += term;
            if (term < sum * 1e-17) {
                break;
            }
        }
        return sum;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
