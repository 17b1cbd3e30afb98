package io.ngisec.protocol.session;

import java.time.Duration;

/**
 * Tunables of the session lifecycle (section 13.8 of the spec): idle timeout, keepalive and the
 * PLPMTUD search ceiling and raise interval. Part of {@link SessionConfig}. The peers need not
 * agree on any of them.
 *
 * @param idleTimeoutNanos a session that has authenticated nothing from the peer for this long ends
 *     (IDLE_TIMEOUT), without a CLOSE; never less than 3 PTOs
 * @param keepaliveIntervalNanos a session that has sent nothing ack-eliciting for this long sends a
 *     PING; below the idle timeout, and below the UDP binding timeout of NATs (often 30 s)
 * @param maxPmtuBytes the largest datagram PLPMTUD searches for, header and tag included; equal to
 *     {@link SessionConfig#maxDatagramBytes()} turns PLPMTUD off
 * @param pmtuRaiseIntervalNanos how long a finished search waits before probing above the PMTU again
 *     (RFC 8899 PMTU_RAISE_TIMER)
 */
public record LifecycleConfig(long idleTimeoutNanos, long keepaliveIntervalNanos, int maxPmtuBytes,
        long pmtuRaiseIntervalNanos) {

    /** 30 s: short enough to notice a vanished peer, twice the keepalive interval. */
    public static final long DEFAULT_IDLE_TIMEOUT_NANOS = Duration.ofSeconds(30).toNanos();
    /** 15 s: half the idle timeout and below the 30 s UDP binding timeout of many NATs. */
    public static final long DEFAULT_KEEPALIVE_INTERVAL_NANOS = Duration.ofSeconds(15).toNanos();
    /**
     * 1,452 bytes: a 1,500-byte Ethernet MTU less 20 bytes of IPv4 and 8 of UDP is 1,472; 20 bytes
     * of margin leave room for one tunnel or option header. Over IPv6 (40-byte header) 1,452 is
     * exactly what 1,500 carries, so a plain IPv6 path confirms it too.
     */
    public static final int DEFAULT_MAX_PMTU_BYTES = 1452;
    /** 600 s, RFC 8899's PMTU_RAISE_TIMER. */
    public static final long DEFAULT_PMTU_RAISE_INTERVAL_NANOS = Duration.ofSeconds(600).toNanos();

    /** The defaults. */
    public static final LifecycleConfig DEFAULT = new LifecycleConfig(DEFAULT_IDLE_TIMEOUT_NANOS,
            DEFAULT_KEEPALIVE_INTERVAL_NANOS, DEFAULT_MAX_PMTU_BYTES, DEFAULT_PMTU_RAISE_INTERVAL_NANOS);

    /** Refuses non-positive times and a keepalive interval not below the idle timeout. */
    public LifecycleConfig {
        if (idleTimeoutNanos <= 0 || keepaliveIntervalNanos <= 0 || pmtuRaiseIntervalNanos <= 0) {
            throw new IllegalArgumentException("non-positive lifecycle time");
        }
        if (keepaliveIntervalNanos >= idleTimeoutNanos) {
            throw new IllegalArgumentException("keepalive " + keepaliveIntervalNanos + " ns not below idle timeout "
                    + idleTimeoutNanos + " ns");
        }
    }

    /** The same with another idle timeout and keepalive interval. */
    public LifecycleConfig withIdle(Duration idleTimeout, Duration keepaliveInterval) {
        return new LifecycleConfig(idleTimeout.toNanos(), keepaliveInterval.toNanos(), maxPmtuBytes,
                pmtuRaiseIntervalNanos);
    }

    /** The same with another PLPMTUD ceiling. */
    public LifecycleConfig withMaxPmtu(int bytes) {
        return new LifecycleConfig(idleTimeoutNanos, keepaliveIntervalNanos, bytes, pmtuRaiseIntervalNanos);
    }
}
