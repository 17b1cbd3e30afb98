package io.ngisec.client.netcheck;

import io.ngisec.protocol.transport.IceServerUri;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Locale;

/** How netcheck writes servers, addresses, durations and errors for people: short, one line each. Stateless. */
final class NetCheckText {

    private NetCheckText() {
    }

    /** {@code stun:host:port} or {@code turn:host:port}, IPv6 literals in brackets. */
    static String uri(IceServerUri server) {
        String host = server.host().indexOf(':') >= 0 ? "[" + server.host() + "]" : server.host();
        return server.scheme().name().toLowerCase(Locale.ROOT) + ":" + host + ":" + server.port();
    }

    /** {@code 192.0.2.1:3478} or {@code [2001:db8::1]:3478}; an unresolved one by its name. */
    static String address(InetSocketAddress a) {
        if (a == null) {
            return null;
        }
        if (a.isUnresolved()) {
            return a.getHostString() + ":" + a.getPort();
        }
        String ip = a.getAddress().getHostAddress();
        return (a.getAddress() instanceof Inet6Address ? "[" + ip + "]" : ip) + ":" + a.getPort();
    }

    /** {@code 23 ms} below a second, {@code 3.0 s} from there on. */
    static String duration(Duration d) {
        long millis = d.toMillis();
        return millis < 1000 ? millis + " ms" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    /** An exception as one line for users: its message (or its type when it has none), no stack trace. */
    static String oneLine(Throwable e) {
        String m = e.getMessage();
        return (m == null || m.isBlank() ? e.getClass().getSimpleName() : m).replaceAll("\\s+", " ").strip();
    }
}
