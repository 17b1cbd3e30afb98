package io.ngisec.protocol.transport;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A STUN or TURN server as the policy server names it: {@code stun:host[:port]} (RFC 7064) or
 * {@code turn:host[:port][?transport=udp]} (RFC 7065). Only UDP; {@code stuns:}/{@code turns:}
 * (TLS) are refused until the transport supports them. Immutable.
 */
public record IceServerUri(Scheme scheme, String host, int port) {

    /** Which protocol the server speaks. */
    public enum Scheme { STUN, TURN }

    /** RFC 8489 section 18.4: the default port of STUN and TURN over UDP. */
    public static final int DEFAULT_PORT = 3478;

    private static final Pattern URI = Pattern.compile(
            "(stun|turn):(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9.-]+)(?::([0-9]{1,5}))?(\\?transport=udp)?");

    public IceServerUri {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 0xFFFF) {
            throw new IllegalArgumentException("port " + port);
        }
    }

    /** The server named by {@code uri}; throws IllegalArgumentException for anything else. */
    public static IceServerUri parse(String uri) {
        Matcher m = URI.matcher(uri);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a stun: or turn: URI over UDP: " + uri);
        }
        Scheme scheme = m.group(1).equals("stun") ? Scheme.STUN : Scheme.TURN;
        if (scheme == Scheme.STUN && m.group(4) != null) {
            throw new IllegalArgumentException("stun: URIs take no transport: " + uri);
        }
        String host = m.group(2);
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
        }
        return new IceServerUri(scheme, host, m.group(3) == null ? DEFAULT_PORT : Integer.parseInt(m.group(3)));
    }
}
