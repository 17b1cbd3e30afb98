package io.ngisec.server.service;

import java.time.Duration;
import java.util.Objects;

/**
 * How many failed enrollments (unknown invite or wrong secret) one source address may make within
 * a sliding window before further attempts are refused outright.
 *
 * @param maxFailures failures allowed per window, at least 1
 * @param window      how far back failures count, positive
 */
public record EnrollmentRateLimit(int maxFailures, Duration window) {

    public EnrollmentRateLimit {
        Objects.requireNonNull(window, "window");
        if (maxFailures < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("rate limit needs at least 1 failure per positive window");
        }
    }

    /** 10 failures per 10 minutes: plenty for typos, hopeless for guessing a 256-bit secret anyway. */
    public static EnrollmentRateLimit defaults() {
        return new EnrollmentRateLimit(10, Duration.ofMinutes(10));
    }
}
