package io.ngisec.client.netcheck;

import io.ngisec.protocol.transport.IceServerUri;
import io.ngisec.protocol.transport.IceServers;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The engine of {@code ngisec netcheck}: Binding requests to every STUN and TURN server (and to
 * port + 1 of each) from ONE local UDP socket, so the mapped addresses compare and tell how the NAT
 * maps; meanwhile a TURN allocation test on each TURN server with the credentials. Everything runs
 * at once and ends by the timeout. Stateless; safe to call from several threads.
 */
public final class NetCheck {

    private NetCheck() {
    }

    /**
     * Checks {@code servers} from this host.
     *
     * @param hostAddresses this host's addresses (such as {@code HostAddresses.usable()}): a mapped
     *                      address among them means no NAT
     * @param timeout       how long the whole check may take; servers silent that long are unreachable
     * @throws IOException if no UDP socket can be opened at all
     */
    public static NetCheckReport run(IceServers servers, List<InetAddress> hostAddresses, Duration timeout)
            throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
                DatagramChannel channel = DatagramChannel.open()) {
            channel.bind(null);
            Map<String, Optional<InetAddress>> resolved = resolve(servers.servers(), threads, deadline);
            Map<IceServerUri, Future<TurnResult>> turns = new LinkedHashMap<>();
            for (IceServerUri s : servers.servers()) {
                Optional<InetAddress> ip = resolved.get(s.host());
                if (s.scheme() == IceServerUri.Scheme.TURN && ip.isPresent()) {
                    InetSocketAddress to = new InetSocketAddress(ip.get(), s.port());
                    turns.put(s, threads.submit(() -> TurnAllocationCheck.run(to, servers.turnCredentials(), deadline)));
                }
            }
            Map<InetSocketAddress, BindingResult> bindings = bind(channel, servers.servers(), resolved, deadline);
            List<ServerCheck> checks = new ArrayList<>();
            for (IceServerUri s : servers.servers()) {
                Optional<InetAddress> ip = resolved.get(s.host());
                BindingResult binding = ip.isEmpty()
                        ? BindingResult.failed(InetSocketAddress.createUnresolved(s.host(), s.port()),
                                "cannot resolve " + s.host())
                        : bindings.get(new InetSocketAddress(ip.get(), s.port()));
                BindingResult alternate = ip.isEmpty() || s.port() == 0xFFFF ? null
                        : bindings.get(new InetSocketAddress(ip.get(), s.port() + 1));
                TurnResult turn = s.scheme() != IceServerUri.Scheme.TURN ? null
                        : ip.isEmpty() ? TurnResult.failed("cannot resolve " + s.host()) : join(turns.get(s));
                checks.add(new ServerCheck(s, binding, alternate, turn));
            }
            Map<InetSocketAddress, InetSocketAddress> mappings = new LinkedHashMap<>();
            bindings.forEach((to, b) -> {
                if (b.mapped() != null) {
                    mappings.put(to, b.mapped());
                }
            });
            boolean udp = !mappings.isEmpty() || checks.stream().anyMatch(c -> c.turn() != null && c.turn().allocated());
            int localPort = ((InetSocketAddress) channel.getLocalAddress()).getPort();
            return new NetCheckReport(hostAddresses, localPort, udp, checks,
                    NatClassifier.classify(mappings, hostAddresses, localPort));
        }
    }

    /** One Binding request per distinct endpoint (port and port + 1 of each server), all on {@code channel}. */
    private static Map<InetSocketAddress, BindingResult> bind(DatagramChannel channel, List<IceServerUri> servers,
            Map<String, Optional<InetAddress>> resolved, long deadline) throws IOException {
        LinkedHashSet<InetSocketAddress> endpoints = new LinkedHashSet<>();
        for (IceServerUri s : servers) {
            resolved.get(s.host()).ifPresent(ip -> {
                endpoints.add(new InetSocketAddress(ip, s.port()));
                if (s.port() < 0xFFFF) {
                    endpoints.add(new InetSocketAddress(ip, s.port() + 1));
                }
            });
        }
        List<StunTransactions.Request> requests = endpoints.stream()
                .map(to -> new StunTransactions.Request(to, StunMessage.request(Stun.BINDING_REQUEST, List.of())))
                .toList();
        Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
        List<StunTransactions.Outcome> outcomes = StunTransactions.exchange(channel, requests, left);
        Map<InetSocketAddress, BindingResult> results = new LinkedHashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            results.put(requests.get(i).destination(), result(requests.get(i).destination(), outcomes.get(i)));
        }
        return results;
    }

    private static BindingResult result(InetSocketAddress to, StunTransactions.Outcome outcome) {
        if (!outcome.answered()) {
            return BindingResult.failed(to, outcome.error());
        }
        StunMessage response = outcome.response();
        if (response.type() != Stun.BINDING_SUCCESS) {
            String error;
            try {
                error = "refused: " + StunErrorCode.of(response).map(StunErrorCode::toString).orElse("no ERROR-CODE");
            } catch (StunFormatException e) {
                error = "refused with a malformed ERROR-CODE";
            }
            return new BindingResult(to, true, outcome.rtt(), null, error);
        }
        try {
            Optional<InetSocketAddress> mapped = StunAddress.mapped(response);
            return new BindingResult(to, true, outcome.rtt(), mapped.orElse(null),
                    mapped.isPresent() ? null : "answered without a mapped address");
        } catch (StunFormatException e) {
            return new BindingResult(to, true, outcome.rtt(), null, "answered with a malformed mapped address");
        }
    }

    /** Each distinct host name to one of its addresses (IPv4 first), looked up in parallel until the deadline. */
    private static Map<String, Optional<InetAddress>> resolve(List<IceServerUri> servers, ExecutorService threads,
            long deadline) {
        Map<String, Future<InetAddress>> lookups = new LinkedHashMap<>();
        for (IceServerUri s : servers) {
            lookups.computeIfAbsent(s.host(), host -> threads.submit(() -> preferred(InetAddress.getAllByName(host))));
        }
        Map<String, Optional<InetAddress>> out = new LinkedHashMap<>();
        lookups.forEach((host, lookup) -> {
            try {
                out.put(host, Optional.of(lookup.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)));
            } catch (ExecutionException | TimeoutException e) {
                lookup.cancel(true);
                out.put(host, Optional.empty());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                out.put(host, Optional.empty());
            }
        });
        return out;
    }

    private static InetAddress preferred(InetAddress[] all) throws UnknownHostException {
        return Arrays.stream(all).filter(a -> a instanceof Inet4Address).findFirst()
                .or(() -> Arrays.stream(all).findFirst())
                .orElseThrow(() -> new UnknownHostException("no address"));
    }

    private static TurnResult join(Future<TurnResult> turn) {
        try {
            return turn.get();
        } catch (ExecutionException e) {
            return TurnResult.failed("allocation test failed: " + NetCheckText.oneLine(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return TurnResult.failed("interrupted");
        }
    }
}
