package io.ngisec.protocol.fuzz;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * Seeded source of fuzz inputs for bounded parser fuzzing: random bytes, or a genuine message with
 * bits flipped, bytes overwritten, cut short, extended or spliced with random tails. Every run of
 * a test sees the same inputs; {@code -Dngisec.fuzz.seed=N} picks another sequence, and
 * {@link #describe} names what to replay when a try fails. Not thread safe.
 */
public final class FuzzInputs {

    private static final long DEFAULT_SEED = 0x5EED_2026_1125L;

    private final long runSeed;
    private final SplittableRandom random;

    /** Inputs for the test called {@code name}: each test gets its own sequence from the run's seed. */
    public FuzzInputs(String name) {
        this.runSeed = Long.getLong("ngisec.fuzz.seed", DEFAULT_SEED);
        this.random = new SplittableRandom(runSeed ^ name.hashCode());
    }

    /** The random source behind the inputs, for choosing other parameters of a try reproducibly. */
    public SplittableRandom random() {
        return random;
    }

    /** Up to {@code maxLength} random bytes. */
    public byte[] randomBytes(int maxLength) {
        byte[] b = new byte[random.nextInt(maxLength + 1)];
        fill(b, 0);
        return b;
    }

    /** {@code genuine} changed in one of several ways (never unchanged unless a flip cancels out). */
    public byte[] mutate(byte[] genuine) {
        if (genuine.length == 0) {
            return randomBytes(16);
        }
        byte[] out = genuine.clone();
        switch (random.nextInt(6)) {
            case 0 -> out = Arrays.copyOf(out, random.nextInt(out.length));
            case 1 -> {
                out = Arrays.copyOf(out, out.length + 1 + random.nextInt(64));
                fill(out, genuine.length);
            }
            case 2 -> fill(out, random.nextInt(out.length));
            case 3 -> {
                for (int n = 1 + random.nextInt(4); n > 0; n--) {
                    out[random.nextInt(out.length)] = (byte) random.nextInt(256);
                }
            }
            default -> {
                for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                    out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
                }
            }
        }
        return out;
    }

    /** One in four inputs random (up to {@code maxRandomLength} bytes), the rest mutations of {@code genuine}. */
    public byte[] next(byte[] genuine, int maxRandomLength) {
        return random.nextInt(4) == 0 ? randomBytes(maxRandomLength) : mutate(genuine);
    }

    /** What to report when try {@code attempt} with {@code input} fails. */
    public String describe(int attempt, byte[] input) {
        return "-Dngisec.fuzz.seed=" + runSeed + ", try " + attempt + ", " + input.length + " bytes: "
                + HexFormat.of().formatHex(input, 0, Math.min(input.length, 512));
    }

    private void fill(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            b[i] = (byte) random.nextInt(256);
        }
    }
}
