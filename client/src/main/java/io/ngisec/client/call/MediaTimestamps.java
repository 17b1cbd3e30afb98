package io.ngisec.client.call;

/** Extends the 32-bit wrapping media timestamps (48 kHz samples) of {@link MediaFrame} to a long. */
public final class MediaTimestamps {

    /** Timestamps count modulo this (2^32 samples, about 24.9 hours at 48 kHz). */
    public static final long MODULUS = 1L << 32;

    private MediaTimestamps() {
    }

    /** The extended value of the 32-bit {@code next} nearest to the extended {@code last} (within 2^31 either side). */
    public static long unwrap(long last, long next) {
        if (next < 0 || next >= MODULUS) {
            throw new IllegalArgumentException("not a 32-bit timestamp: " + next);
        }
        // The signed 32-bit difference is the distance modulo 2^32, taken in [-2^31, 2^31 - 1].
        return last + (int) (next - last);
    }
}
