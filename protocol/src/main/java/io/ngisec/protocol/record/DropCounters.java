package io.ngisec.protocol.record;

import java.util.EnumMap;
import java.util.Map;

/**
 * Counts of dropped packets by {@link DropReason}. Not thread-safe: the owner (the opener) guards it.
 */
public final class DropCounters {

    private static final DropReason[] REASONS = DropReason.values();

    private final long[] counts = new long[REASONS.length];

    /** Counts one drop for {@code reason}. */
    public void increment(DropReason reason) {
        counts[reason.ordinal()]++;
    }

    /** Drops counted for {@code reason}. */
    public long get(DropReason reason) {
        return counts[reason.ordinal()];
    }

    /** Drops counted for all reasons together. */
    public long total() {
        long sum = 0;
        for (long c : counts) {
            sum += c;
        }
        return sum;
    }

    /** A copy of all counts, with an entry for every reason. */
    public Map<DropReason, Long> snapshot() {
        Map<DropReason, Long> copy = new EnumMap<>(DropReason.class);
        for (DropReason r : REASONS) {
            copy.put(r, counts[r.ordinal()]);
        }
        return copy;
    }
}
