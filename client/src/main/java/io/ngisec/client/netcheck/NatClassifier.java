package io.ngisec.client.netcheck;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The NAT verdict from the mapped addresses one local socket got from distinct server endpoints
 * (RFC 4787 section 4.1 mapping behaviour). IPv4 answers are judged when there are any, since IPv4
 * is where NATs are; IPv6 answers only otherwise (mappings of two families never compare). Stateless.
 */
final class NatClassifier {

    private NatClassifier() {
    }

    /**
     * @param mappings   server endpoint to the mapped address it reported, answered endpoints only
     * @param localHosts this host's addresses
     * @param localPort  the port of the socket the requests went out from
     */
    static NatVerdict classify(Map<InetSocketAddress, InetSocketAddress> mappings, Collection<InetAddress> localHosts,
            int localPort) {
        boolean anyV4 = mappings.keySet().stream().anyMatch(d -> d.getAddress() instanceof Inet4Address);
        Collection<InetSocketAddress> mapped = mappings.entrySet().stream()
                .filter(e -> (e.getKey().getAddress() instanceof Inet4Address) == anyV4)
                .map(Map.Entry::getValue)
                .toList();
        if (mapped.isEmpty()) {
            return NatVerdict.UNKNOWN;
        }
        if (mapped.stream().allMatch(m -> m.getPort() == localPort && localHosts.contains(m.getAddress()))) {
            return NatVerdict.NO_NAT;
        }
        if (mapped.size() == 1) {
            return NatVerdict.ONE_SERVER;
        }
        return mapped.stream().collect(Collectors.toSet()).size() == 1
                ? NatVerdict.ENDPOINT_INDEPENDENT : NatVerdict.VARIES_BY_DESTINATION;
    }
}
