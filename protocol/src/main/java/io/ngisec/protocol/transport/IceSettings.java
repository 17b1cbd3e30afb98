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
 * @param timeout from {@link IceTransport#connect()} until a path must be selected, covering the
 *     peer's answer and the connectivity checks
 */
public record IceSettings(IceRole role, IceServers servers, List<InetAddress> hostAddresses, Duration timeout) {

    /** Long enough for a peer on a phone to answer and for checks through a relay; tunable. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public IceSettings {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(servers, "servers");
        hostAddresses = List.copyOf(hostAddresses);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout " + timeout);
        }
    }

    /** Every interface, the given servers, the default timeout. */
    public static IceSettings of(IceRole role, IceServers servers) {
        return new IceSettings(role, servers, List.of(), DEFAULT_TIMEOUT);
    }

    /** Host candidates on loopback only, no servers: for tests in one JVM. */
    public static IceSettings loopback(IceRole role, Duration timeout) {
        return new IceSettings(role, IceServers.NONE, List.of(InetAddress.getLoopbackAddress()), timeout);
    }
}
