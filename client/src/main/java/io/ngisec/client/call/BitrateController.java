package io.ngisec.client.call;

/**
 * Picks the voice bitrate and the FEC setting from the measured loss and the rate the path has
 * for the call. Feed it one report at a time (e.g. once a second); pure logic, no clock.
 *
 * <p>Rules:
 * <ol>
 *   <li>Loss picks a tier. Tier 0 (no loss to speak of): the preferred bitrate, FEC off (its bits
 *       would be wasted). Tiers 1, 2, 3 (loss above 1 %, 5 %, 10 %): FEC on, and 8 kbit/s more per
 *       tier, because the FEC copy takes its bits from the same budget and the primary frames would
 *       otherwise get worse exactly when the listener already hears concealment.</li>
 *   <li>With FEC on, the expected loss given to the encoder is the measured loss rounded up, at
 *       least the tier's floor (1, 5, 10 %) and at most 25 % (above that Opus adds no more FEC).</li>
 *   <li>The available rate caps the bitrate: it must also carry the per-packet overhead (IP, UDP,
 *       NGISec record: {@link #DEFAULT_OVERHEAD_BYTES} bytes by default, 50 packets a second), and
 *       never below {@link VoiceFormat#MIN_BITRATE}, which is what a call needs at all.</li>
 *   <li>Bitrates are multiples of {@value #STEP_BPS} bit/s so that noise in the rate estimate does
 *       not reconfigure the encoder every report.</li>
 * </ol>
 *
 * <p>Hysteresis, so that the setting does not flap: a tier is entered as soon as the loss exceeds
 * its threshold but left only when the loss falls below half of it; a lower bitrate (congestion
 * or more loss elsewhere) applies at once, a higher one only after {@value #RAISE_AFTER_REPORTS}
 * consecutive reports that allow it, and only as high as all of them allow.
 *
 * <p>Not safe for concurrent use. Initial state: tier 0 at the preferred bitrate.
 */
public final class BitrateController {

    /** Per-packet bytes outside the Opus payload: IPv4 20 + UDP 8 + NGISec record ~32 (assumed). */
    public static final int DEFAULT_OVERHEAD_BYTES = 60;
    /** Granularity of chosen bitrates, bit/s. */
    public static final int STEP_BPS = 4_000;
    /** Reports in a row that must allow a higher bitrate before it is used. */
    public static final int RAISE_AFTER_REPORTS = 3;

    /** Loss fractions above which tiers 1, 2, 3 are entered; a tier is left below half of its own. */
    private static final double[] ENTER_LOSS = {0.01, 0.05, 0.10};
    private static final int[] TIER_LOSS_FLOOR_PERCENT = {0, 1, 5, 10};
    private static final int TIER_BITRATE_STEP = 8_000;
    private static final int MAX_EXPECTED_LOSS_PERCENT = 25;

    private final int preferredBps;
    private final int overheadBps;
    private int tier;
    private int bitrate;
    private int raiseVotes;
    private int raiseTo;

    /** Controller preferring {@link VoiceEncoder#DEFAULT_BITRATE} with the default overhead. */
    public BitrateController() {
        this(VoiceEncoder.DEFAULT_BITRATE, DEFAULT_OVERHEAD_BYTES);
    }

    /** Controller preferring {@code preferredBps} when there is no loss, with {@code overheadBytes} per packet. */
    public BitrateController(int preferredBps, int overheadBytes) {
        if (preferredBps < VoiceFormat.MIN_BITRATE || preferredBps > VoiceFormat.MAX_BITRATE) {
            throw new IllegalArgumentException("preferred bitrate " + preferredBps + " bit/s outside "
                    + VoiceFormat.MIN_BITRATE + ".." + VoiceFormat.MAX_BITRATE);
        }
        if (overheadBytes < 0) {
            throw new IllegalArgumentException("overhead " + overheadBytes + " bytes is negative");
        }
        this.preferredBps = preferredBps;
        this.overheadBps = overheadBytes * 8 * VoiceFormat.FRAMES_PER_SECOND;
        this.bitrate = stepDown(preferredBps);
    }

    /**
     * Takes one report: {@code lossFraction} of packets lost before recovery (0..1) and the rate
     * available to the call in bit/s ({@link Long#MAX_VALUE} if unknown); returns the setting.
     */
    public BitrateDecision update(double lossFraction, long availableBps) {
        if (!(lossFraction >= 0 && lossFraction <= 1)) {
            throw new IllegalArgumentException("loss fraction " + lossFraction + " outside 0..1");
        }
        if (availableBps < 0) {
            throw new IllegalArgumentException("available rate " + availableBps + " bit/s is negative");
        }
        tier = nextTier(lossFraction);
        int wanted = Math.min(preferredBps + tier * TIER_BITRATE_STEP, VoiceFormat.MAX_BITRATE);
        long cap = availableBps - overheadBps;
        int target = stepDown((int) Math.max(VoiceFormat.MIN_BITRATE, Math.min(wanted, cap)));
        if (target < bitrate) {
            bitrate = target;
            raiseVotes = 0;
        } else if (target > bitrate) {
            // Raise only as far as every report of the hold allowed.
            raiseTo = raiseVotes == 0 ? target : Math.min(raiseTo, target);
            if (++raiseVotes >= RAISE_AFTER_REPORTS) {
                bitrate = raiseTo;
                raiseVotes = 0;
            }
        } else {
            raiseVotes = 0;
        }
        return new BitrateDecision(bitrate, expectedLossPercent(lossFraction));
    }

    private int nextTier(double loss) {
        int next = tier;
        while (next < ENTER_LOSS.length && loss > ENTER_LOSS[next]) {
            next++;
        }
        while (next > 0 && loss < ENTER_LOSS[next - 1] / 2) {
            next--;
        }
        return next;
    }

    private int expectedLossPercent(double loss) {
        if (tier == 0) {
            return 0;
        }
        int measured = (int) Math.ceil(loss * 100 - 1e-9);
        return Math.min(MAX_EXPECTED_LOSS_PERCENT, Math.max(TIER_LOSS_FLOOR_PERCENT[tier], measured));
    }

    private static int stepDown(int bps) {
        return Math.max(VoiceFormat.MIN_BITRATE, bps / STEP_BPS * STEP_BPS);
    }
}
