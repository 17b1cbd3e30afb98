package io.ngisec.protocol.transport;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How one {@link IceTransport} runs. Immutable.
 *
 * @param role who nominates the pair
 * @param servers STUN and TURN servers, or {@link IceServers#NONE}
 * @param hostAddresses the addresses to bind host candidates on; empty means every usable
 *     interface address ({@link HostAddresses#usable()}, which skips loopback). Tests pass 127.0.0.1.
 * @param timeout from {@link IceTransport#connect()} (or a restart) until a path must be selected,
 *     covering the peer's answer and the connectivity checks
 * @param consentInterval the mean time between consent checks on a selected pair (RFC 7675:
 *     5 s; each wait is drawn from 0.8 to 1.2 times it)
 * @param consentTimeout how long a selected pair may go without a consent check answered before
 *     its consent is lost (RFC 7675: 30 s); more than {@code consentInterval}
 */
public record IceSettings(IceRole role, IceServers servers, List<InetAddress> hostAddresses, Duration timeout,
        Duration consentInterval, Duration consentTimeout) {

    /** Long enough for a peer on a phone to answer and for checks through a relay; tunable. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** RFC 7675 section 5.1: checks every 5 s on average. */
    public static final Duration DEFAULT_CONSENT_INTERVAL = Duration.ofSeconds(5);
    /** RFC 7675 section 5.1: consent expires 30 s after the last answered check. */
    public static final Duration DEFAULT_CONSENT_TIMEOUT = Duration.ofSeconds(30);

    public IceSettings {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(servers, "servers");
        hostAddresses = List.copyOf(hostAddresses);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout " + timeout);
        }
        if (consentInterval.isNegative() || consentInterval.isZero() || consentTimeout.compareTo(consentInterval) <= 0) {
            throw new IllegalArgumentException("consent interval " + consentInterval + ", timeout " + consentTimeout);
        }
    }

    /** The RFC's consent timing. */
    public IceSettings(IceRole role, IceServers servers, List<InetAddress> hostAddresses, Duration timeout) {
        this(role, servers, hostAddresses, timeout, DEFAULT_CONSENT_INTERVAL, DEFAULT_CONSENT_TIMEOUT);
    }

    /** Every interface, the given servers, the default timeouts. */
    public static IceSettings of(IceRole role, IceServers servers) {
        return new IceSettings(role, servers, List.of(), DEFAULT_TIMEOUT);
    }

    /** Host candidates on loopback only, no servers: for tests in one JVM. */
    public static IceSettings loopback(IceRole role, Duration timeout) {
        return new IceSettings(role, IceServers.NONE, List.of(InetAddress.getLoopbackAddress()), timeout);
    }

    /** The same settings with other consent timing (tests use short ones). */
    public IceSettings withConsent(Duration interval, Duration timeout) {
        return new IceSettings(role, servers, hostAddresses, this.timeout, interval, timeout);
    }
}
