package io.ngisec.protocol.transport;

import java.util.random.RandomGenerator;

/**
 * The timing of consent freshness (RFC 7675) for one selected pair, on the caller's clock in
 * nanoseconds: consent is fresh when the pair is selected and after every authenticated answer to
 * a consent check; checks go out at intervals drawn from 0.8 to 1.2 times the mean (section 5.1,
 * so peers do not fall into step); consent is lost once no answer has come for the timeout, and
 * stays lost: only an ICE restart gives a new pair. Not thread safe: its owner serialises calls.
 */
final class ConsentState {

    private final long intervalNanos;
    private final long timeoutNanos;
    private final RandomGenerator random;
    private long freshAt;
    private long nextCheckAt;
    private boolean lost;

    /** Consent granted at {@code nowNanos} (the pair's checks just succeeded); the first check is one interval away. */
    ConsentState(long intervalNanos, long timeoutNanos, RandomGenerator random, long nowNanos) {
        if (intervalNanos <= 0 || timeoutNanos <= intervalNanos) {
            throw new IllegalArgumentException("interval " + intervalNanos + ", timeout " + timeoutNanos);
        }
        this.intervalNanos = intervalNanos;
        this.timeoutNanos = timeoutNanos;
        this.random = random;
        this.freshAt = nowNanos;
        this.nextCheckAt = nowNanos + randomInterval();
    }

    /** When the next consent check is due. */
    long nextCheckAt() {
        return nextCheckAt;
    }

    /** A check went out at {@code nowNanos}: schedules the next one. */
    void onCheckSent(long nowNanos) {
        nextCheckAt = nowNanos + randomInterval();
    }

    /** An authenticated answer to a check arrived at {@code nowNanos}; ignored once consent is lost. */
    void onAnswer(long nowNanos) {
        if (!lost) {
            freshAt = Math.max(freshAt, nowNanos);
        }
    }

    /** When consent runs out unless an answer comes first. */
    long expiresAt() {
        return freshAt + timeoutNanos;
    }

    /** Whether consent is lost at {@code nowNanos}; once true, always true. */
    boolean lost(long nowNanos) {
        if (!lost && nowNanos - freshAt >= timeoutNanos) {
            lost = true;
        }
        return lost;
    }

    private long randomInterval() {
        return (long) (intervalNanos * (0.8 + 0.4 * random.nextDouble()));
    }
}
