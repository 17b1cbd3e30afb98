package io.ngisec.protocol.session;

import java.util.OptionalLong;
import java.util.random.RandomGenerator;

/**
 * Validation of one path at a time (RFC 9000 section 8.2): a PATH_CHALLENGE of 8 unpredictable
 * bytes goes out on the path, again with new bytes after a third of the timeout and after two
 * thirds, and the path is valid once a PATH_RESPONSE echoing any of them arrives <em>on that
 * path</em> (stricter than QUIC, which accepts the echo on any path: ours proves both directions of
 * the new path). Without one by the timeout, validation fails and the caller keeps its old path.
 *
 * <p>States: IDLE, then VALIDATING after {@link #start}, ending in VALIDATED or FAILED; a new
 * {@code start} abandons whatever was going on. Time is the caller's, in nanoseconds. Not thread
 * safe: the session's driver owns it.
 *
 * @param <P> what identifies a path (compared by identity)
 */
final class PathValidator<P> {

    /** Challenges per validation: the first and two retries. */
    static final int CHALLENGES = 3;

    /** Where a validation stands. */
    enum State { IDLE, VALIDATING, VALIDATED, FAILED }

    private final RandomGenerator random;
    private final long[] outstanding = new long[CHALLENGES];
    private int sent;
    private State state = State.IDLE;
    private P path;
    private long startedAt;
    private long timeoutNanos;

    /** {@code random} makes the challenge data: it must be unpredictable (SecureRandom) outside tests. */
    PathValidator(RandomGenerator random) {
        this.random = random;
    }

    /**
     * Starts validating {@code path} at {@code nowNanos}, to fail {@code timeoutNanos} later;
     * returns the data of the first PATH_CHALLENGE, which the caller sends on {@code path}.
     */
    long start(P path, long nowNanos, long timeoutNanos) {
        if (timeoutNanos < CHALLENGES) {
            throw new IllegalArgumentException("timeout " + timeoutNanos);
        }
        this.path = path;
        this.state = State.VALIDATING;
        this.startedAt = nowNanos;
        this.timeoutNanos = timeoutNanos;
        this.sent = 0;
        return nextChallenge();
    }

    /**
     * Does what is due at {@code nowNanos}: the data of a PATH_CHALLENGE to send again on
     * {@link #path()} if a retry is due, nothing otherwise; past the timeout the state becomes
     * FAILED.
     */
    OptionalLong poll(long nowNanos) {
        if (state != State.VALIDATING) {
            return OptionalLong.empty();
        }
        if (nowNanos - startedAt >= timeoutNanos) {
            state = State.FAILED;
            return OptionalLong.empty();
        }
        if (sent < CHALLENGES && nowNanos >= retryAt()) {
            return OptionalLong.of(nextChallenge());
        }
        return OptionalLong.empty();
    }

    /** When {@link #poll} next has something to do, while VALIDATING. */
    OptionalLong nextTimeout() {
        if (state != State.VALIDATING) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(sent < CHALLENGES ? retryAt() : startedAt + timeoutNanos);
    }

    /**
     * A PATH_RESPONSE with {@code data} arrived on {@code arrivedOn}: true if that validated the
     * path (it echoes one of our challenges and came on the path being validated). Anything
     * else (a stale, forged or misrouted echo) changes nothing.
     */
    boolean onResponse(P arrivedOn, long data) {
        if (state != State.VALIDATING || arrivedOn != path) {
            return false;
        }
        for (int i = 0; i < sent; i++) {
            if (outstanding[i] == data) {
                state = State.VALIDATED;
                return true;
            }
        }
        return false;
    }

    /** Forgets the current validation; back to IDLE. */
    void cancel() {
        state = State.IDLE;
        path = null;
    }

    State state() {
        return state;
    }

    /** The path being (or last) validated, or null when IDLE. */
    P path() {
        return path;
    }

    private long retryAt() {
        return startedAt + timeoutNanos * sent / CHALLENGES;
    }

    private long nextChallenge() {
        long data = random.nextLong();
        outstanding[sent++] = data;
        return data;
    }
}
