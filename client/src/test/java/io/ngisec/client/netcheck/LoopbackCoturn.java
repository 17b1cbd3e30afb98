package io.ngisec.client.netcheck;

import io.ngisec.protocol.testing.HostTools;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A real coturn for tests, on loopback: listening on 127.0.0.1 and 127.0.0.2 (two addresses, so it
 * also answers Binding requests on port + 1, RFC 5780 mode), relaying on 127.0.0.1, with coturn's
 * REST credentials ({@code use-auth-secret}) under {@code secret}. {@link #close()} stops it. Not
 * thread safe.
 */
final class LoopbackCoturn implements AutoCloseable {

    static final String REALM = "netcheck.test";

    private final Process process;
    private final Path dir;
    private final int port;
    private final int minRelayPort;
    private final int maxRelayPort;

    private LoopbackCoturn(Process process, Path dir, int port, int minRelayPort, int maxRelayPort) {
        this.process = process;
        this.dir = dir;
        this.port = port;
        this.minRelayPort = minRelayPort;
        this.maxRelayPort = maxRelayPort;
    }

    /** Why coturn cannot run here, or null when it can. */
    static String unavailable() {
        return HostTools.onPath("turnserver") == null ? "turnserver not installed (Debian package coturn)" : null;
    }

    /** Starts coturn and returns once it answers a Binding request. */
    static LoopbackCoturn start(String secret) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("coturn");
        int port = freePortPair();
        int minRelay = 50_000 + ThreadLocalRandom.current().nextInt(50) * 200;
        Files.writeString(dir.resolve("turnserver.conf"), String.join("\n",
                "listening-ip=127.0.0.1",
                "listening-ip=127.0.0.2",
                "relay-ip=127.0.0.1",
                "listening-port=" + port,
                "min-port=" + minRelay,
                "max-port=" + (minRelay + 199),
                "realm=" + REALM,
                "use-auth-secret",
                "static-auth-secret=" + secret,
                "no-tcp", "no-tls", "no-dtls", "no-cli",
                "fingerprint",
                "simple-log",
                "verbose",
                "log-file=" + dir.resolve("turnserver.log"),
                "pidfile=" + dir.resolve("turnserver.pid"),
                "userdb=" + dir.resolve("turndb"),
                ""), StandardCharsets.UTF_8);
        Process p = new ProcessBuilder("turnserver", "-c", dir.resolve("turnserver.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("turnserver.out").toFile()).start();
        LoopbackCoturn coturn = new LoopbackCoturn(p, dir, port, minRelay, minRelay + 199);
        try {
            coturn.awaitAnswer();
        } catch (IOException | RuntimeException | InterruptedException e) {
            coturn.close();
            throw e;
        }
        return coturn;
    }

    int port() {
        return port;
    }

    int minRelayPort() {
        return minRelayPort;
    }

    int maxRelayPort() {
        return maxRelayPort;
    }

    /** coturn's log so far. */
    String log() throws IOException {
        Path log = dir.resolve("turnserver.log");
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (var files = Files.walk(dir)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    /** coturn binds a moment after it starts; a Binding request that arrives before is lost. */
    private void awaitAnswer() throws IOException, InterruptedException {
        InetSocketAddress server = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        for (int attempt = 0; attempt < 40; attempt++) {
            if (!process.isAlive()) {
                throw new IOException("turnserver exited (" + process.exitValue() + "): "
                        + Files.readString(dir.resolve("turnserver.out"), StandardCharsets.UTF_8).strip());
            }
            try (DatagramChannel channel = DatagramChannel.open()) {
                channel.bind(null);
                var outcome = StunTransactions.exchange(channel, List.of(new StunTransactions.Request(server,
                        StunMessage.request(Stun.BINDING_REQUEST, List.of()))), Duration.ofMillis(250)).getFirst();
                if (outcome.answered()) {
                    return;
                }
            }
        }
        throw new IOException("turnserver did not answer on " + server + "; log: " + log());
    }

    /** A port whose number and number + 1 are free for UDP on both listening addresses. */
    private static int freePortPair() throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = 20_000 + ThreadLocalRandom.current().nextInt(20_000);
            if (free("127.0.0.1", port) && free("127.0.0.1", port + 1) && free("127.0.0.2", port)
                    && free("127.0.0.2", port + 1)) {
                return port;
            }
        }
        throw new IOException("no free pair of UDP ports on loopback");
    }

    private static boolean free(String ip, int port) {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(ip, port))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
