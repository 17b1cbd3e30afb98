package io.ngisec.client.server;

import java.time.Duration;

/**
 * Capped exponential backoff for reconnecting: {@code min}, then twice the previous wait, never
 * more than {@code max}; {@link #reset()} after a success. Not thread safe.
 */
final class Backoff {

    private final Duration min;
    private final Duration max;
    private Duration next;

    Backoff(Duration min, Duration max) {
        if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("need 0 < min <= max");
        }
        this.min = min;
        this.max = max;
        this.next = min;
    }

    /** The wait before the next attempt; the one after it is longer, up to the cap. */
    Duration next() {
        Duration wait = next;
        next = next.multipliedBy(2).compareTo(max) > 0 ? max : next.multipliedBy(2);
        return wait;
    }

    void reset() {
        next = min;
    }
}
