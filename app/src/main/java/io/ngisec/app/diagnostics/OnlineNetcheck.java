package io.ngisec.app.diagnostics;

import io.ngisec.client.netcheck.NetCheck;
import io.ngisec.client.netcheck.NetCheckReport;
import io.ngisec.client.peer.OnlinePeer;
import io.ngisec.client.server.PolicyServerClient;
import io.ngisec.protocol.transport.HostAddresses;
import io.ngisec.protocol.transport.IceServers;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code netcheck} as the command line runs it: the organization's STUN and TURN servers (with
 * fresh TURN credentials) checked from this host's addresses, or those of
 * {@code NGISEC_HOST_ADDRESSES} when set, within {@link #TIMEOUT}.
 */
public final class OnlineNetcheck implements NetcheckRunner {

    /** How long the servers have to answer. */
    public static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Supplier<Optional<OnlinePeer>> peer;

    public OnlineNetcheck(Supplier<Optional<OnlinePeer>> peer) {
        this.peer = peer;
    }

    @Override
    public NetCheckReport run() throws Exception {
        OnlinePeer online = peer.get().orElseThrow(() -> new IOException("this device is not online yet"));
        IceServers servers;
        try (PolicyServerClient server = PolicyServerClient.open(online.identity())) {
            servers = server.turnCredentials().orElse(IceServers.NONE);
        }
        List<InetAddress> hosts = hostAddresses(System.getenv("NGISEC_HOST_ADDRESSES"));
        return NetCheck.run(servers, hosts.isEmpty() ? HostAddresses.usable() : hosts, TIMEOUT);
    }

    /** The addresses listed (comma separated); bad entries skipped, as the app's sessions do. */
    static List<InetAddress> hostAddresses(String list) {
        List<InetAddress> out = new ArrayList<>();
        if (list != null) {
            for (String a : list.split(",")) {
                try {
                    if (!a.isBlank()) {
                        out.add(InetAddress.ofLiteral(a.strip()));
                    }
                } catch (IllegalArgumentException e) {
                    // Skipped like PeerOptions does: the window must open.
                }
            }
        }
        return out;
    }
}
