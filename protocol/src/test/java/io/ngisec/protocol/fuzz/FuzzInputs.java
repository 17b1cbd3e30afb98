package io.ngisec.protocol.fuzz;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * Seeded source of inputs for bounded parser fuzzing and property tests: random bytes, a genuine
 * message with bits flipped, bytes overwritten, cut short, extended or spliced with random tails,
 * or with stacked edits that shift later fields; and random values (numbers, enum constants) for
 * building arbitrary valid messages. Numbers come out as a range's ends, or 0 and ±1, one time in
 * sixteen, since boundaries are where codecs break. Every run of a test sees the same inputs;
 * {@code -Dngisec.fuzz.seed=N} picks another sequence, and {@link #describe} names what to replay
 * when a try fails. Not thread safe.
 */
public final class FuzzInputs {

    private static final long DEFAULT_SEED = 0x5EED_2026_1125L;
    private static final long[] EDGE_LONGS = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE};
    private static final byte[] EDGE_BYTES = {0x00, 0x7f, (byte) 0x80, (byte) 0xff};

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

    /** Exactly {@code length} random bytes. */
    public byte[] bytes(int length) {
        byte[] b = new byte[length];
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

    /**
     * {@code genuine} with one to four stacked edits: a bit flipped, a byte set to a random or a
     * boundary value (00, 7f, 80, ff), the tail cut off, or one byte inserted or deleted. Inserts
     * and deletes shift every later field, which is what length-prefixed and DER encodings must
     * notice. Rarely, the edits cancel out and give back {@code genuine}.
     */
    public byte[] edit(byte[] genuine) {
        byte[] out = genuine;
        for (int n = 1 + random.nextInt(4); n > 0; n--) {
            out = editOnce(out);
        }
        return out;
    }

    /** One in four inputs random (up to {@code maxRandomLength} bytes), the rest mutations of {@code genuine}. */
    public byte[] next(byte[] genuine, int maxRandomLength) {
        return random.nextInt(4) == 0 ? randomBytes(maxRandomLength) : mutate(genuine);
    }

    /** A number from {@code min} to {@code max} inclusive; one of the two ends one time in sixteen. */
    public int intBetween(int min, int max) {
        return (int) longBetween(min, max);
    }

    /** A number from {@code min} to {@code max} inclusive; one of the two ends one time in sixteen. */
    public long longBetween(long min, long max) {
        if (min > max) {
            throw new IllegalArgumentException(min + " > " + max);
        }
        if (random.nextInt(16) == 0) {
            return random.nextBoolean() ? min : max;
        }
        if (max < Long.MAX_VALUE) {
            return random.nextLong(min, max + 1);
        }
        return min > Long.MIN_VALUE ? random.nextLong(min - 1, max) + 1 : random.nextLong();
    }

    /** Any long; one of 0, 1, -1, {@link Long#MIN_VALUE} and {@link Long#MAX_VALUE} one time in sixteen. */
    public long anyLong() {
        return random.nextInt(16) == 0 ? EDGE_LONGS[random.nextInt(EDGE_LONGS.length)] : random.nextLong();
    }

    /** One of the constants of {@code type}, each equally likely. */
    public <E extends Enum<E>> E oneOf(Class<E> type) {
        E[] constants = type.getEnumConstants();
        return constants[random.nextInt(constants.length)];
    }

    /** What to report when try {@code attempt} with {@code input} fails. */
    public String describe(int attempt, byte[] input) {
        return "-Dngisec.fuzz.seed=" + runSeed + ", try " + attempt + ", " + input.length + " bytes: "
                + HexFormat.of().formatHex(input, 0, Math.min(input.length, 512));
    }

    private byte[] editOnce(byte[] in) {
        if (in.length == 0) {
            return new byte[] {(byte) random.nextInt(256)};
        }
        int at = random.nextInt(in.length);
        byte[] out = in.clone();
        switch (random.nextInt(6)) {
            case 0 -> out[at] ^= (byte) (1 << random.nextInt(8));
            case 1 -> out[at] = (byte) random.nextInt(256);
            case 2 -> out[at] = EDGE_BYTES[random.nextInt(EDGE_BYTES.length)];
            case 3 -> out = Arrays.copyOf(in, at);
            case 4 -> {
                out = new byte[in.length + 1];
                System.arraycopy(in, 0, out, 0, at);
                out[at] = (byte) random.nextInt(256);
                System.arraycopy(in, at, out, at + 1, in.length - at);
            }
            default -> {
                out = new byte[in.length - 1];
                System.arraycopy(in, 0, out, 0, at);
                System.arraycopy(in, at + 1, out, at, in.length - at - 1);
            }
        }
        return out;
    }

    private void fill(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            b[i] = (byte) random.nextInt(256);
        }
    }
}
