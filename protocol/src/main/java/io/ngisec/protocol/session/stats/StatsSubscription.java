package io.ngisec.protocol.session.stats;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One listener's periodic stream of {@link SessionStats}. The session's driver offers a snapshot
 * every interval and never waits for the listener: snapshots are handed to the listener's
 * {@link Executor}, one call at a time and in order, and a snapshot the listener has not taken
 * yet is replaced by the newer one (latest wins, nothing queues up behind a slow listener).
 * A listener that throws is logged and keeps its subscription.
 *
 * <p>Thread safe. {@link #close()} stops deliveries from any thread; one already handed to the
 * executor may still arrive.
 */
public final class StatsSubscription implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(StatsSubscription.class.getName());

    private final Consumer<SessionStats> listener;
    private final long intervalNanos;
    private final Executor executor;
    private final AtomicReference<SessionStats> pending = new AtomicReference<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong replaced = new AtomicLong();
    private volatile boolean closed;
    /** When the next snapshot is due; owned by the publisher (under its owner's lock). */
    long nextDueNanos;

    StatsSubscription(Consumer<SessionStats> listener, Duration interval, Executor executor, long nowNanos) {
        this.listener = Objects.requireNonNull(listener, "listener");
        this.executor = Objects.requireNonNull(executor, "executor");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval " + interval);
        }
        this.intervalNanos = interval.toNanos();
        this.nextDueNanos = nowNanos + intervalNanos;
    }

    long intervalNanos() {
        return intervalNanos;
    }

    /** Hands {@code stats} to the listener's executor unless a delivery is already under way. Never blocks. */
    void offer(SessionStats stats) {
        if (closed) {
            return;
        }
        if (pending.getAndSet(stats) != null) {
            replaced.incrementAndGet();
        }
        if (draining.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException e) {
                draining.set(false);
                LOG.log(Level.FINE, "stats executor refused a delivery", e);
            }
        }
    }

    private void drain() {
        while (true) {
            SessionStats s = pending.getAndSet(null);
            if (s == null) {
                draining.set(false);
                // A snapshot offered between the empty read and the reset found draining still set: take it.
                if (pending.get() != null && draining.compareAndSet(false, true)) {
                    continue;
                }
                return;
            }
            if (closed) {
                continue;
            }
            try {
                listener.accept(s);
                delivered.incrementAndGet();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "statistics listener failed", e);
            }
        }
    }

    /** Snapshots the listener has returned from. */
    public long delivered() {
        return delivered.get();
    }

    /** Snapshots replaced by a newer one before the listener took them. */
    public long replaced() {
        return replaced.get();
    }

    /** Whether {@link #close()} was called or the session ended. */
    public boolean isClosed() {
        return closed;
    }

    /** Stops deliveries. Idempotent; any thread. */
    @Override
    public void close() {
        closed = true;
        pending.set(null);
    }
}
