package io.ngisec.client.netcheck;

import java.net.InetAddress;
import java.util.stream.Collectors;

/** The human summary of a {@link NetCheckReport}. Stateless. */
final class NetCheckSummary {

    private NetCheckSummary() {
    }

    static String of(NetCheckReport report) {
        StringBuilder out = new StringBuilder("Report:\n");
        String hosts = report.hostAddresses().stream().map(InetAddress::getHostAddress).collect(Collectors.joining(", "));
        out.append("  * Local addresses: ").append(hosts.isEmpty() ? "none found" : hosts).append('\n');
        out.append("  * UDP: ").append(report.udp() ? "yes" : "no answer from any server").append('\n');
        out.append("  * NAT: ").append(report.nat().description()).append('\n');
        if (report.servers().isEmpty()) {
            out.append("  * Servers: none configured\n");
        }
        for (ServerCheck s : report.servers()) {
            out.append("  * ").append(NetCheckText.uri(s.server())).append(": ").append(binding(s.binding())).append('\n');
            if (s.alternatePort() != null && s.alternatePort().reachable()) {
                out.append("      port ").append(s.alternatePort().destination().getPort()).append(": ")
                        .append(binding(s.alternatePort())).append('\n');
            }
            if (s.turn() != null) {
                out.append("      TURN allocation: ").append(s.turn().allocated()
                        ? "ok, relayed " + NetCheckText.address(s.turn().relayed())
                        : "failed: " + s.turn().error()).append('\n');
            }
        }
        return out.toString();
    }

    private static String binding(BindingResult b) {
        if (!b.reachable()) {
            return "unreachable (" + b.error() + ")";
        }
        String rtt = NetCheckText.duration(b.rtt());
        return b.mapped() == null ? rtt + ", " + b.error() : rtt + ", mapped " + NetCheckText.address(b.mapped());
    }
}
