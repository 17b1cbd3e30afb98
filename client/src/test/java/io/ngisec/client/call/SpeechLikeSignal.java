package io.ngisec.client.call;

import java.util.Random;

/** Seeded speech-like test signal: a glottal-like harmonic series with a gliding pitch, a formant
 * hump and a syllable-rate amplitude envelope, plus a little noise. */
final class SpeechLikeSignal {

    private SpeechLikeSignal() {
    }

    static short[] generate(int samples, long seed) {
        Random random = new Random(seed);
        double pitchRate = 0.5 + random.nextDouble();
        double syllableRate = 2.5 + random.nextDouble();
        short[] out = new short[samples];
        double phase = 0;
        for (int i = 0; i < samples; i++) {
            double t = i / (double) VoiceFormat.SAMPLE_RATE;
            double f0 = 140 + 30 * Math.sin(2 * Math.PI * pitchRate * t) + 15 * Math.sin(2 * Math.PI * 2.3 * t);
            phase += 2 * Math.PI * f0 / VoiceFormat.SAMPLE_RATE;
            double envelope = Math.pow(0.5 + 0.5 * Math.sin(2 * Math.PI * syllableRate * t), 2);
            double voice = 0;
            for (int h = 1; h <= 20; h++) {
                double formant = Math.exp(-Math.pow(h * f0 - 700, 2) / 2e5) + 0.3;
                voice += Math.sin(h * phase + h * h * 0.3) / h * (h < 4 ? 1 : formant);
            }
            voice += 0.02 * random.nextGaussian();
            out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, 6000 * envelope * voice));
        }
        return out;
    }

    /** Pearson correlation of {@code reference[i]} with {@code decoded[i + delay]} over [from, to). */
    static double correlation(short[] reference, short[] decoded, int delay, int from, int to) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        double sa = 0;
        double sb = 0;
        int n = 0;
        for (int i = from; i < to && i + delay < decoded.length; i++) {
            double a = reference[i];
            double b = decoded[i + delay];
            ab += a * b;
            aa += a * a;
            bb += b * b;
            sa += a;
            sb += b;
            n++;
        }
        double cov = ab - sa * sb / n;
        return cov / Math.sqrt((aa - sa * sa / n) * (bb - sb * sb / n));
    }
}
