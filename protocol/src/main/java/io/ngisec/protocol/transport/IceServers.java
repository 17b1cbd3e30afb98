package io.ngisec.protocol.transport;

import java.util.List;
import java.util.Objects;

/**
 * The STUN and TURN servers an agent may use, with the TURN credentials, as the policy server
 * hands them out. Immutable.
 *
 * @param turnCredentials null when {@code servers} has no TURN server
 */
public record IceServers(List<IceServerUri> servers, TurnCredentials turnCredentials) {

    /** No servers: host candidates only (a LAN, or loopback in tests). */
    public static final IceServers NONE = new IceServers(List.of(), null);

    public IceServers {
        servers = List.copyOf(servers);
        if (turnCredentials == null && servers.stream().anyMatch(s -> s.scheme() == IceServerUri.Scheme.TURN)) {
            throw new IllegalArgumentException("TURN servers need credentials");
        }
    }

    /** Servers from their URIs ({@link IceServerUri#parse}). */
    public static IceServers of(List<String> uris, TurnCredentials turnCredentials) {
        Objects.requireNonNull(uris, "uris");
        return new IceServers(uris.stream().map(IceServerUri::parse).toList(), turnCredentials);
    }
}
