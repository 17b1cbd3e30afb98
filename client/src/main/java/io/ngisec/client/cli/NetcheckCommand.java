package io.ngisec.client.cli;

import io.ngisec.client.home.PeerHome;
import io.ngisec.client.identity.EnrolledIdentity;
import io.ngisec.client.netcheck.NetCheck;
import io.ngisec.client.netcheck.NetCheckReport;
import io.ngisec.client.server.PolicyServerClient;
import io.ngisec.protocol.transport.HostAddresses;
import io.ngisec.protocol.transport.IceServers;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ngisec netcheck}: the NAT in front of this device and which STUN/TURN servers of the organization work. */
@Command(name = "netcheck", mixinStandardHelpOptions = true,
        description = "Report UDP connectivity, the NAT type and the reachable STUN/TURN servers.")
public final class NetcheckCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private HomeOptions homeOptions;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5s", converter = DurationOption.class,
            description = "How long to wait for the servers (default: ${DEFAULT-VALUE}).")
    private Duration timeout;

    @Option(names = "--json", description = "Print the report as JSON.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        IceServers servers;
        try (PeerHome home = homeOptions.open()) {
            EnrolledIdentity identity = HomeOptions.enrolled(home);
            try (PolicyServerClient server = PolicyServerClient.open(identity)) {
                servers = server.turnCredentials().orElse(IceServers.NONE);
            }
        }
        List<InetAddress> hosts = PeerStarter.hostAddresses();
        NetCheckReport report = NetCheck.run(servers, hosts.isEmpty() ? HostAddresses.usable() : hosts, timeout);
        if (json) {
            spec.commandLine().getOut().println(report.toJson());
        } else {
            if (servers.servers().isEmpty()) {
                spec.commandLine().getOut().println("the policy server offers no STUN or TURN servers: "
                        + "peers behind NAT can reach each other only directly");
            }
            spec.commandLine().getOut().println(report.summary());
        }
        return report.udp() || servers.servers().isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
