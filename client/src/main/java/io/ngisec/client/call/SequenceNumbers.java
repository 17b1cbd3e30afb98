package io.ngisec.client.call;

/** Extends the 16-bit wrapping sequence numbers of {@link MediaFrame} to a long (RFC 3550 appendix A.1 in spirit). */
public final class SequenceNumbers {

    /** Sequence numbers count modulo this. */
    public static final int MODULUS = 1 << 16;

    private SequenceNumbers() {
    }

    /**
     * The extended value of the 16-bit {@code next} that lies nearest to the extended {@code last}:
     * up to 32767 ahead or 32768 behind, so a wrap from 65535 to 0 counts as one step forward and a
     * reordered frame from before the wrap lands just behind.
     */
    public static long unwrap(long last, int next) {
        if (next < 0 || next >= MODULUS) {
            throw new IllegalArgumentException("not a 16-bit sequence number: " + next);
        }
        // The signed 16-bit difference is the distance modulo 2^16, taken in [-32768, 32767].
        return last + (short) (next - (int) last);
    }
}
