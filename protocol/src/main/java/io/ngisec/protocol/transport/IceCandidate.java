package io.ngisec.protocol.transport;

import static io.ngisec.protocol.transport.TransportFailure.Reason.MALFORMED_DESCRIPTION;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One ICE candidate as signaled to the peer, in the text form of an SDP candidate attribute value
 * (RFC 8839 section 5.1) without the {@code candidate:} prefix:
 * {@code foundation component transport priority address port typ type [raddr address rport port]}.
 * Only UDP and IP literals: no hostnames (nothing here may trigger a DNS or mDNS lookup for a
 * peer's input), no extension attributes. Immutable.
 *
 * @param related the related address of a reflexive or relayed candidate, or null (always null for
 *     a host candidate)
 */
public record IceCandidate(
        String foundation,
        int component,
        long priority,
        InetSocketAddress address,
        CandidateType type,
        InetSocketAddress related) {

    /** The only transport this package signals. */
    public static final String TRANSPORT = "udp";

    private static final Pattern ICE_CHARS = Pattern.compile("[A-Za-z0-9+/]+");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,10}");
    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    /** Refuses values that could not be signaled; throws IllegalArgumentException (a local bug). */
    public IceCandidate {
        Objects.requireNonNull(foundation, "foundation");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(type, "type");
        if (foundation.length() > DescriptionLimits.FOUNDATION_MAX_CHARS || !ICE_CHARS.matcher(foundation).matches()) {
            throw new IllegalArgumentException("foundation: " + foundation);
        }
        if (component < 1 || component > DescriptionLimits.COMPONENT_MAX) {
            throw new IllegalArgumentException("component: " + component);
        }
        if (priority < 1 || priority > DescriptionLimits.PRIORITY_MAX) {
            throw new IllegalArgumentException("priority: " + priority);
        }
        if (address.isUnresolved() || address.getPort() == 0) {
            throw new IllegalArgumentException("address: " + address);
        }
        if (related != null && (type == CandidateType.HOST || related.isUnresolved())) {
            throw new IllegalArgumentException("related address: " + related);
        }
    }

    /** The candidate line for {@link #parse}. */
    public String toLine() {
        StringBuilder b = new StringBuilder(96)
                .append(foundation).append(' ').append(component).append(' ').append(TRANSPORT).append(' ')
                .append(priority).append(' ').append(literal(address.getAddress())).append(' ')
                .append(address.getPort()).append(" typ ").append(type.token());
        if (related != null) {
            b.append(" raddr ").append(literal(related.getAddress())).append(" rport ").append(related.getPort());
        }
        return b.toString();
    }

    /** The candidate in {@code line}; throws a MALFORMED_DESCRIPTION failure for anything else. */
    public static IceCandidate parse(String line) throws TransportFailure {
        if (line.length() > DescriptionLimits.MAX_CANDIDATE_CHARS) {
            throw malformed("candidate line too long");
        }
        String[] t = line.split(" ", -1);
        if (t.length != 8 && t.length != 12) {
            throw malformed("candidate has " + t.length + " fields");
        }
        if (!t[2].equalsIgnoreCase(TRANSPORT)) {
            throw malformed("transport is not udp");
        }
        if (!t[6].equals("typ") || t.length == 12 && (!t[8].equals("raddr") || !t[10].equals("rport"))) {
            throw malformed("candidate keywords");
        }
        CandidateType type = CandidateType.ofToken(t[7]);
        if (type == null) {
            throw malformed("candidate type");
        }
        InetSocketAddress related = null;
        if (t.length == 12) {
            if (type == CandidateType.HOST) {
                throw malformed("host candidate with a related address");
            }
            related = new InetSocketAddress(address(t[9]), (int) number(t[11], 0, 0xFFFF));
        }
        if (t[0].isEmpty() || t[0].length() > DescriptionLimits.FOUNDATION_MAX_CHARS
                || !ICE_CHARS.matcher(t[0]).matches()) {
            throw malformed("foundation");
        }
        return new IceCandidate(
                t[0],
                (int) number(t[1], 1, DescriptionLimits.COMPONENT_MAX),
                number(t[3], 1, DescriptionLimits.PRIORITY_MAX),
                new InetSocketAddress(address(t[4]), (int) number(t[5], 1, 0xFFFF)),
                type,
                related);
    }

    private static long number(String s, long min, long max) throws TransportFailure {
        if (!DIGITS.matcher(s).matches()) {
            throw malformed("not a number");
        }
        long v = Long.parseLong(s);
        if (v < min || v > max) {
            throw malformed("number out of range");
        }
        return v;
    }

    /** An IP literal, never a name: the strict patterns keep InetAddress from resolving anything. */
    private static InetAddress address(String s) throws TransportFailure {
        boolean v4 = IPV4.matcher(s).matches();
        if (!v4 && !(s.indexOf(':') >= 0 && IPV6.matcher(s).matches())) {
            throw malformed("address is not an IP literal");
        }
        try {
            InetAddress a = v4 ? Inet4Address.ofLiteral(s) : Inet6Address.ofLiteral(s);
            if (a.isAnyLocalAddress() || a.isMulticastAddress()) {
                throw malformed("address is unspecified or multicast");
            }
            return a;
        } catch (IllegalArgumentException e) {
            throw malformed("address is not an IP literal");
        }
    }

    private static String literal(InetAddress a) {
        return a.getHostAddress();
    }

    private static TransportFailure malformed(String detail) {
        return new TransportFailure(MALFORMED_DESCRIPTION, detail);
    }
}
