package io.ngisec.client.call;

/**
 * Estimated call quality from the ITU-T G.107 E-model, simplified: R = 93.2 - Id - Ie,eff
 * (default ratings, advantage factor 0), with
 * <ul>
 *   <li>Ie,eff = Ie + (95 - Ie) * Ppl / (Ppl / BurstR + Bpl), Ppl the percentage of frames lost
 *       after recovery (what the listener hears concealed), BurstR = 1 for random loss;</li>
 *   <li>Id from the one-way mouth-to-ear delay d in ms by the common linear approximation of
 *       G.107's delay terms (Cole and Rosenbluth, 2001): Id = 0.024 d + 0.11 (d - 177.3) H(d - 177.3),
 *       H the step function. It charges a little for every millisecond, where G.107's Idd is zero
 *       up to 100 ms, so it errs low by at most ~2.4 R points for short delays;</li>
 *   <li>MOS = 1 + 0.035 R + R (R - 60) (100 - R) 7e-6 for 0 &lt; R &lt; 100, 1 below, 4.5 above.</li>
 * </ul>
 *
 * <p>Opus impairment values: G.113 lists none for Opus, so {@link #OPUS} is an assumption, and the
 * MOS it yields is an estimate to show as such. Ie = 0: Opus at 16-64 kbit/s is at least as good
 * as G.711 (Ie 0), the usual practice when E-modelling Opus. Bpl = 20: between G.711 with
 * concealment (25.1, G.113 Appendix I) and the low end of the 10-25 range in common use for Opus,
 * whose PLC is stronger. Ppl already excludes FEC-recovered frames, so Bpl only rates Opus's
 * concealment. At 5-10 % loss the choice of Bpl in 10..25 moves the MOS by up to about one point.
 *
 * <p>Immutable and thread safe.
 */
public record EModel(double ie, double bpl) {

    /** Opus with its own concealment; see the class comment for where the values come from. */
    public static final EModel OPUS = new EModel(0, 20);
    /** G.711 with packet loss concealment (G.113 Appendix I), for comparison. */
    public static final EModel G711_PLC = new EModel(0, 25.1);
    /** Basic signal-to-noise ratio with G.107 default values; the R of an unimpaired call. */
    public static final double R0 = 93.2;

    public EModel {
        if (!(ie >= 0 && ie <= 95)) {
            throw new IllegalArgumentException("Ie " + ie + " outside 0..95");
        }
        if (!(bpl > 0)) {
            throw new IllegalArgumentException("Bpl " + bpl + " must be positive");
        }
    }

    /**
     * Transmission rating R for a one-way mouth-to-ear delay (ms, &gt;= 0), the percentage of frames
     * lost after recovery (0..100) and the burst ratio (&gt;= 1; 1 = random loss). At least 0.
     */
    public double rating(double mouthToEarMs, double lossPercent, double burstRatio) {
        return Math.max(0, R0 - delayImpairment(mouthToEarMs)
                - effectiveEquipmentImpairment(lossPercent, burstRatio));
    }

    /** Estimated MOS for the same inputs as {@link #rating}. */
    public double mos(double mouthToEarMs, double lossPercent, double burstRatio) {
        return mosFromRating(rating(mouthToEarMs, lossPercent, burstRatio));
    }

    /** Ie,eff for a loss percentage after recovery and a burst ratio. */
    public double effectiveEquipmentImpairment(double lossPercent, double burstRatio) {
        if (!(lossPercent >= 0 && lossPercent <= 100)) {
            throw new IllegalArgumentException("loss " + lossPercent + " % outside 0..100");
        }
        if (!(burstRatio >= 1)) {
            throw new IllegalArgumentException("burst ratio " + burstRatio + " below 1");
        }
        return ie + (95 - ie) * lossPercent / (lossPercent / burstRatio + bpl);
    }

    /** Id for a one-way mouth-to-ear delay in ms (linear approximation, see the class comment). */
    public static double delayImpairment(double mouthToEarMs) {
        if (!(mouthToEarMs >= 0)) {
            throw new IllegalArgumentException("delay " + mouthToEarMs + " ms is negative");
        }
        double knee = 177.3;
        return 0.024 * mouthToEarMs + (mouthToEarMs > knee ? 0.11 * (mouthToEarMs - knee) : 0);
    }

    /** G.107 Annex B: MOS (conversational quality, estimated) from R. */
    public static double mosFromRating(double r) {
        if (Double.isNaN(r)) {
            throw new IllegalArgumentException("R is NaN");
        }
        if (r <= 0) {
            return 1;
        }
        if (r >= 100) {
            return 4.5;
        }
        return 1 + 0.035 * r + r * (r - 60) * (100 - r) * 7e-6;
    }
}
