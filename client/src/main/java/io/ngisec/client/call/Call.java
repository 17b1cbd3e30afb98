package io.ngisec.client.call;

import io.ngisec.client.link.PeerInfo;
import io.ngisec.client.link.PeerLink;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One call with a peer, outgoing or incoming: RINGING, then CONNECTING and ACTIVE once answered,
 * then ENDED with a {@link CallEnd}. Made by {@link CallManager}; its state changes as the peer, this side and the ring timer act.
 *
 * <p>Thread safe: read it from any thread; {@link #hangUp()} from any thread.
 */
public final class Call {

    private final CallControl control;
    private final String id;
    private final PeerLink link;
    private final boolean outgoing;
    /** Guards the transitions, and the control messages that go with them, so both keep one order. */
    final Object lock = new Object();
    private final CountDownLatch settled = new CountDownLatch(1);
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile CallState state = CallState.RINGING;
    private volatile CallMedia media;
    private volatile CallStats finalStats;
    private volatile Instant startedAt;
    private volatile long startedNanos;
    private volatile long endedNanos;
    private volatile CallEnd end;
    private Thread ringTimer;

    Call(CallControl control, String id, PeerLink link, boolean outgoing) {
        this.control = control;
        this.id = id;
        this.link = link;
        this.outgoing = outgoing;
    }

    /** The call's id on the wire (hex). */
    public String id() {
        return id;
    }

    /** The other side, as its certificate names it. */
    public PeerInfo peer() {
        return link.peer();
    }

    /** Whether this side placed the call. */
    public boolean outgoing() {
        return outgoing;
    }

    /**
     * The call's statistics every {@code interval} while it is answered, on a virtual thread of
     * its own: the update stream a live view draws from ({@link #stats()} is the snapshot). Stops
     * by itself when the call ends (after one last update), or when the returned handle is closed.
     */
    public AutoCloseable subscribe(Duration interval, Consumer<CallStats> listener) {
        Thread updates = Thread.ofVirtual().name("call-stats-" + id).start(() -> {
            try {
                while (!ended.await(interval.toNanos(), TimeUnit.NANOSECONDS)) {
                    stats().ifPresent(listener);
                }
                stats().ifPresent(listener);
            } catch (InterruptedException e) {
                // closed by the subscriber
            }
        });
        return updates::interrupt;
    }

    /** Where the call is now. */
    public CallState state() {
        return state;
    }

    /** The running media while ACTIVE. */
    public Optional<CallMedia> media() {
        return Optional.ofNullable(media);
    }

    /** The quality now while ACTIVE; after the end, as it was when the media stopped; empty if it never ran. */
    public Optional<CallStats> stats() {
        CallMedia running = media;
        return running != null ? Optional.of(running.stats()) : Optional.ofNullable(finalStats);
    }

    /** When this side's media started. */
    public Optional<Instant> startedAt() {
        return Optional.ofNullable(startedAt);
    }

    /** How long the media ran (so far): zero if it never started. */
    public Duration duration() {
        if (startedAt == null) {
            return Duration.ZERO;
        }
        long stop = state == CallState.ENDED ? endedNanos : System.nanoTime();
        return Duration.ofNanos(Math.max(0, stop - startedNanos));
    }

    /** How it ended, once ENDED. */
    public Optional<CallEnd> end() {
        return Optional.ofNullable(end);
    }

    /** Cancels a ringing outgoing call, declines a ringing incoming one, hangs up an answered one; idempotent. */
    public void hangUp() {
        control.hangUp(this);
    }

    /** Waits until the call is ACTIVE: true then (or if it was and has ended since); false if it ended unanswered or the time ran out. */
    public boolean awaitActive(Duration timeout) throws InterruptedException {
        settled.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return startedAt != null;
    }

    /**
     * Waits until the call has ended, its media closed and the {@link CallListener} told: how;
     * empty if the time ran out. So not from the listener's own {@code onEvent}, which would wait
     * for itself until the timeout.
     */
    public Optional<CallEnd> awaitEnd(Duration timeout) throws InterruptedException {
        ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return ended.getCount() == 0 ? Optional.of(end) : Optional.empty();
    }

    @Override
    public String toString() {
        return "call " + id + (outgoing ? " to " : " from ") + link.peer().user() + " (" + state + ")";
    }

    PeerLink link() {
        return link;
    }

    /** Whether this is call {@code callId} on {@code from}: messages of other links never touch it. */
    boolean is(PeerLink from, String callId) {
        return link == from && id.equals(callId);
    }

    // The transitions below run with lock held.

    void ringTimer(Thread timer) {
        ringTimer = timer;
    }

    /** RINGING to CONNECTING; false in any other state. */
    boolean answered() {
        if (state != CallState.RINGING) {
            return false;
        }
        state = CallState.CONNECTING;
        stopRingTimer();
        return true;
    }

    /** CONNECTING to ACTIVE with {@code running}; false (the caller closes it) if the call has moved on. */
    boolean activate(CallMedia running) {
        if (state != CallState.CONNECTING) {
            return false;
        }
        media = running;
        startedNanos = System.nanoTime();
        startedAt = Instant.now();
        state = CallState.ACTIVE;
        settled.countDown();
        return true;
    }

    /** To ENDED with {@code how} (the caller checked it had not ended); the media to close, outside the lock. */
    Optional<CallMedia> markEnded(CallEnd how) {
        CallMedia running = media;
        if (running != null) {
            try {
                finalStats = running.stats();
            } catch (RuntimeException e) {
                // Statistics are a nicety; the end must happen regardless.
            }
        }
        media = null;
        endedNanos = System.nanoTime();
        end = how;
        state = CallState.ENDED;
        stopRingTimer();
        settled.countDown();
        return Optional.ofNullable(running);
    }

    /** After the media is closed and the listener told: wakes {@link #awaitEnd}. */
    void released() {
        ended.countDown();
    }

    private void stopRingTimer() {
        // The timer itself ends calls too; interrupting it then would fail its own sends.
        if (ringTimer != null && ringTimer != Thread.currentThread()) {
            ringTimer.interrupt();
        }
    }
}
