package io.ngisec.client.transfer;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Turns byte counts into throttled {@link TransferProgress} events: one at most every
 * {@link #INTERVAL} and one when forced (the end). The rate counts only bytes moved since the meter
 * started, so a resume does not look faster than the link. Not thread safe.
 */
final class ProgressMeter {

    /** Least time between two progress events of a transfer. */
    static final Duration INTERVAL = Duration.ofMillis(100);

    private final TransferId id;
    private final Direction direction;
    private final long total;
    private final LongSupplier nanos;
    private final long startNanos;
    private final long startBytes;
    private long lastNanos;
    private boolean emitted;

    ProgressMeter(TransferId id, Direction direction, long total, long startBytes, LongSupplier nanos) {
        this.id = id;
        this.direction = direction;
        this.total = total;
        this.nanos = nanos;
        this.startNanos = nanos.getAsLong();
        this.startBytes = startBytes;
    }

    /** An event for {@code done} bytes if one is due (or {@code force}). */
    Optional<TransferProgress> update(long done, boolean force) {
        long now = nanos.getAsLong();
        if (!force && emitted && now - lastNanos < INTERVAL.toNanos()) {
            return Optional.empty();
        }
        emitted = true;
        lastNanos = now;
        double seconds = (now - startNanos) / 1e9;
        double rate = seconds > 0 ? (done - startBytes) / seconds : 0;
        Optional<Duration> eta = done >= total ? Optional.of(Duration.ZERO)
                : rate > 0 ? Optional.of(Duration.ofMillis((long) ((total - done) / rate * 1000))) : Optional.empty();
        return Optional.of(new TransferProgress(id, direction, done, total, rate, eta));
    }
}
