package io.ngisec.client.netcheck;

import java.net.InetAddress;
import java.util.List;

/**
 * What {@link NetCheck#run} found: the local addresses it compared with, whether UDP gets through
 * at all, each server's answers and the NAT verdict. {@link #summary()} is for people,
 * {@link #toJson()} for {@code --json}. Immutable.
 *
 * @param hostAddresses this host's addresses, as given to the check
 * @param localPort     the UDP port all Binding requests went out from
 * @param udp           whether any server answered over UDP
 * @param servers       one entry per configured server, in order
 * @param nat           how the NAT maps this host's port
 */
public record NetCheckReport(List<InetAddress> hostAddresses, int localPort, boolean udp, List<ServerCheck> servers,
        NatVerdict nat) {

    public NetCheckReport {
        hostAddresses = List.copyOf(hostAddresses);
        servers = List.copyOf(servers);
    }

    /** Several lines for a terminal, like {@code tailscale netcheck}. */
    public String summary() {
        return NetCheckSummary.of(this);
    }

    /** The report as one JSON object (addresses as strings, durations in milliseconds). */
    public String toJson() {
        return NetCheckJson.of(this);
    }
}
