package io.ngisec.protocol.session;

/**
 * The idle timeout of a session (section 13.8 of the spec): it expires once nothing authenticated
 * has arrived from the peer for the configured timeout, or for {@link LifecycleConstants#MIN_IDLE_PTOS}
 * PTOs if that is longer (so a path whose probes take long to come back is not mistaken for a dead
 * peer). Starts counting at its creation. Not thread safe.
 */
final class IdleTimer {

    private final long timeoutNanos;
    private long lastReceivedNanos;

    IdleTimer(long timeoutNanos, long nowNanos) {
        this.timeoutNanos = timeoutNanos;
        this.lastReceivedNanos = nowNanos;
    }

    /** An authenticated packet arrived at {@code nowNanos}. */
    void onAuthenticated(long nowNanos) {
        lastReceivedNanos = Math.max(lastReceivedNanos, nowNanos);
    }

    /** When the timer expires, given the current probe timeout {@code ptoNanos}. */
    long deadlineNanos(long ptoNanos) {
        long minimum = ptoNanos > Long.MAX_VALUE / LifecycleConstants.MIN_IDLE_PTOS
                ? Long.MAX_VALUE : ptoNanos * LifecycleConstants.MIN_IDLE_PTOS;
        long timeout = Math.max(timeoutNanos, minimum);
        return timeout > Long.MAX_VALUE - lastReceivedNanos ? Long.MAX_VALUE : lastReceivedNanos + timeout;
    }

    /** Whether the timer has expired at {@code nowNanos}. */
    boolean isExpired(long nowNanos, long ptoNanos) {
        return nowNanos >= deadlineNanos(ptoNanos);
    }
}
