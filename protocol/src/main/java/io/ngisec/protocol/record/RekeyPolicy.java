package io.ngisec.protocol.record;

import java.time.Duration;
import java.util.Objects;

/**
 * When a sender moves to its next key phase, and how long a receiver keeps the previous phase's key
 * for packets still in flight. Tunables within the hard bounds of {@link Limits}. Immutable.
 *
 * @param rekeyAfterRecords sender moves on after sealing this many records in one phase
 * @param rekeyAfter sender moves on when its current phase is this old (checked when sealing)
 * @param previousKeyGrace receiver discards the previous phase's key this long after switching
 */
public record RekeyPolicy(long rekeyAfterRecords, Duration rekeyAfter, Duration previousKeyGrace) {

    /** 2^22 records (half the per-key limit), 120 s, and a 3 s grace for reordered packets. */
    public static final RekeyPolicy DEFAULT =
            new RekeyPolicy(1L << 22, Duration.ofSeconds(120), Duration.ofSeconds(3));

    /** Rejects values outside the limits: at least 1 record, at most {@link Limits#MAX_RECORDS_PER_KEY}, and so on. */
    public RekeyPolicy {
        Objects.requireNonNull(rekeyAfter, "rekeyAfter");
        Objects.requireNonNull(previousKeyGrace, "previousKeyGrace");
        if (rekeyAfterRecords < 1 || rekeyAfterRecords > Limits.MAX_RECORDS_PER_KEY) {
            throw new IllegalArgumentException("rekeyAfterRecords must be in [1, 2^23]: " + rekeyAfterRecords);
        }
        if (rekeyAfter.isNegative() || rekeyAfter.isZero() || rekeyAfter.toNanos() > Limits.MAX_KEY_AGE_NANOS) {
            throw new IllegalArgumentException("rekeyAfter must be in (0, 180 s]: " + rekeyAfter);
        }
        if (previousKeyGrace.isNegative() || previousKeyGrace.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("previousKeyGrace must be in [0, 60 s]: " + previousKeyGrace);
        }
    }
}
