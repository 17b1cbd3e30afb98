package io.ngisec.protocol.identity;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** One edit of an encoding, for fuzzing parsers with near-valid input. */
record Mutation(int kind, int position, int value) {

    private static final int KINDS = 6;

    /** One to four random edits. */
    static Arbitrary<List<Mutation>> lists() {
        Arbitrary<Mutation> one = Combinators.combine(
                Arbitraries.integers().between(0, KINDS - 1),
                Arbitraries.integers().between(0, Integer.MAX_VALUE),
                Arbitraries.integers().between(0, 255)).as(Mutation::new);
        return one.list().ofMinSize(1).ofMaxSize(4);
    }

    static byte[] applyAll(byte[] base, List<Mutation> mutations) {
        byte[] out = base;
        for (Mutation m : mutations) {
            out = m.apply(out);
        }
        return out;
    }

    byte[] apply(byte[] in) {
        if (in.length == 0) {
            return new byte[] {(byte) value};
        }
        int at = position % in.length;
        byte[] out = in.clone();
        switch (kind) {
            case 0 -> out[at] ^= (byte) (1 << (value & 7));
            case 1 -> out[at] = (byte) value;
            case 2 -> out = Arrays.copyOf(in, at);
            case 3 -> {
                out = new byte[in.length + 1];
                System.arraycopy(in, 0, out, 0, at);
                out[at] = (byte) value;
                System.arraycopy(in, at, out, at + 1, in.length - at);
            }
            case 4 -> {
                out = new byte[in.length - 1];
                System.arraycopy(in, 0, out, 0, at);
                System.arraycopy(in, at + 1, out, at, in.length - at - 1);
            }
            default -> out[at] = (byte) new int[] {0x00, 0x7f, 0x80, 0xff}[value & 3];
        }
        return out;
    }
}
