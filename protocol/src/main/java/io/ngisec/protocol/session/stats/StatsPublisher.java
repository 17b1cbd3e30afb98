package io.ngisec.protocol.session.stats;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * The subscriptions of one session and when each is due: the session's driver calls
 * {@link #publishDue} from its loop and sleeps no longer than the time it returns, so snapshots
 * come from the driver's own timers. One snapshot is built per round however many
 * subscriptions are due, and only when one is.
 *
 * <p>Not thread safe: its owner guards it with the lock that guards the session (subscribing
 * takes that lock from the application's thread; the driver holds it while publishing).
 */
public final class StatsPublisher {

    /** Starts a virtual thread per delivery: listeners may block without holding up anything else. */
    public static final Executor VIRTUAL_THREADS = task -> Thread.ofVirtual().name("ngisec-stats").start(task);

    private final List<StatsSubscription> subscriptions = new ArrayList<>();

    /** Adds a subscription whose first snapshot is due one {@code interval} after {@code nowNanos}. */
    public StatsSubscription subscribe(Consumer<SessionStats> listener, Duration interval, Executor executor,
            long nowNanos) {
        StatsSubscription s = new StatsSubscription(listener, interval, executor, nowNanos);
        subscriptions.add(s);
        return s;
    }

    /**
     * Offers a snapshot from {@code snapshot} to every subscription due at {@code nowNanos} and
     * returns when the next one is due, or {@link Long#MAX_VALUE} if there is none. A subscription
     * that fell behind is due one interval after now, not at every interval it missed.
     */
    public long publishDue(long nowNanos, LongFunction<SessionStats> snapshot) {
        if (subscriptions.isEmpty()) {
            return Long.MAX_VALUE;
        }
        subscriptions.removeIf(StatsSubscription::isClosed);
        SessionStats stats = null;
        long next = Long.MAX_VALUE;
        for (StatsSubscription s : subscriptions) {
            if (s.nextDueNanos - nowNanos <= 0) {
                if (stats == null) {
                    stats = snapshot.apply(nowNanos);
                }
                s.offer(stats);
                s.nextDueNanos += s.intervalNanos();
                if (s.nextDueNanos - nowNanos <= 0) {
                    s.nextDueNanos = nowNanos + s.intervalNanos();
                }
            }
            next = Math.min(next, s.nextDueNanos);
        }
        return next;
    }

    /** Closes every subscription (the session ended). */
    public void closeAll() {
        subscriptions.forEach(StatsSubscription::close);
        subscriptions.clear();
    }
}
