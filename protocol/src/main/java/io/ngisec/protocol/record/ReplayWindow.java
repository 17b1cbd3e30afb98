package io.ngisec.protocol.record;

/**
 * Sliding anti-replay window over packet numbers, after RFC 6479: a ring of 64-bit blocks, so
 * that moving the window forward clears whole words instead of shifting a bitmap. Accepts each
 * packet number at most once, in any order, as long as it is no more than {@link #WINDOW_SIZE}
 * behind the highest accepted one. Not thread-safe: the receiving thread owns it.
 */
public final class ReplayWindow {

    private static final int BLOCK_BITS = 64;
    private static final int RING_BLOCKS = 32; // 2048 bits
    private static final int BLOCK_MASK = RING_BLOCKS - 1;

    /**
     * How far behind the highest accepted packet number another may still be accepted. One block
     * short of the ring, because the block holding the highest number is only partly used.
     */
    public static final int WINDOW_SIZE = (RING_BLOCKS - 1) * BLOCK_BITS;

    private final long[] ring = new long[RING_BLOCKS];
    private long highest = -1;

    /**
     * Whether {@code pn} could be accepted: within [0, {@link Limits#MAX_PACKET_NUMBER}], not too
     * old and not seen. Changes nothing; meant as the cheap test before spending a decryption.
     */
    public boolean check(long pn) {
        if (pn < 0 || pn > Limits.MAX_PACKET_NUMBER) {
            return false;
        }
        if (pn > highest) {
            return true;
        }
        if (highest - pn > WINDOW_SIZE) {
            return false;
        }
        return (ring[blockIndex(pn)] & bit(pn)) == 0;
    }

    /**
     * Records {@code pn} as received, once its packet has been authenticated. Returns false, and
     * changes nothing, if {@link #check(long)} would have refused it.
     */
    public boolean update(long pn) {
        if (!check(pn)) {
            return false;
        }
        if (pn > highest) {
            long current = highest < 0 ? -1 : highest / BLOCK_BITS;
            long target = pn / BLOCK_BITS;
            // Clear the blocks the window slides over; after a full turn of the ring, all of them.
            long clear = Math.min(target - current, RING_BLOCKS);
            for (long i = 1; i <= clear; i++) {
                ring[blockIndex((current + i) * BLOCK_BITS)] = 0;
            }
            highest = pn;
        }
        ring[blockIndex(pn)] |= bit(pn);
        return true;
    }

    /** Whether {@code pn} is refused only for lying too far behind the window (rather than being a replay). */
    public boolean isTooOld(long pn) {
        return pn >= 0 && pn <= highest && highest - pn > WINDOW_SIZE;
    }

    /** The highest packet number accepted so far, or -1 before the first. */
    public long highest() {
        return highest;
    }

    private static int blockIndex(long pn) {
        return (int) (pn / BLOCK_BITS) & BLOCK_MASK;
    }

    private static long bit(long pn) {
        return 1L << (pn & (BLOCK_BITS - 1));
    }
}
