package io.ngisec.client.testing;

import io.ngisec.protocol.netlab.NetlabLab;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A cone-NAT netlab lab for call tests (root only: see {@link NetlabLab#unavailable()}): coturn
 * and the real policy server in the public namespace, a policy that allows calls (voice), chat and
 * files (bulk) between everyone, and alice (host A, behind router A) and bob (host B) enrolled.
 * Peer commands run as {@code ngisec} processes in their host's namespace; {@link #close()} stops
 * them, keeps their output in {@code target/netlab/PREFIX/} and removes the lab, whatever failed.
 * Not thread safe.
 */
public final class NetlabCallLab implements AutoCloseable {

    private static final Duration COMMAND = Duration.ofSeconds(60);
    private static final String POLICY = """
            {
              "rules": [
                { "name": "everyone", "action": "allow", "from": ["*"], "to": ["*"],
                  "services": { "call": "voice", "chat": "interactive", "file": "bulk" } },
              ],
            }
            """;

    private final NetlabLab lab;
    private final Path dir;
    private final List<AutoCloseable> open = new ArrayList<>();
    private final List<PeerProcess> peers = new ArrayList<>();
    private final long started = System.nanoTime();
    private Path logs;
    private PolicyServerProcess server;

    private NetlabCallLab(NetlabLab lab, Path dir) {
        this.lab = lab;
        this.dir = dir;
    }

    /** Builds the lab (prefix starting with {@code tag}) with both users enrolled; {@code dir} holds their homes. */
    public static NetlabCallLab up(String tag, Path dir) throws Exception {
        NetlabCallLab l = new NetlabCallLab(NetlabLab.up(tag, false), dir);
        try {
            l.start();
            return l;
        } catch (Exception | Error e) {
            try {
                l.close();
            } catch (Exception closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    private void start() throws Exception {
        logs = Files.createDirectories(Path.of("target", "netlab", lab.prefix()));
        lab.keepLogsIn(logs);
        String secret = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(lab.prefix().getBytes(StandardCharsets.UTF_8)));
        lab.startCoturn(secret, true);
        Path secretFile = dir.resolve("turn-secret");
        Files.writeString(secretFile, secret + "\n", StandardCharsets.UTF_8);
        String ip = lab.get("NETLAB_PUBLIC_IP");
        server = PolicyServerProcess.start(dir, PolicyServerProcess.Options
                .inNamespace(lab.get("NETLAB_PUBLIC_NS"), ip)
                .withStartArgs("--stun", "stun:" + ip + ":3478", "--turn", "turn:" + ip + ":3478",
                        "--turn-secret-file", secretFile.toString()));
        open.add(server);
        server.applyPolicy(POLICY);
        Files.writeString(dir.resolve("passphrase"), "correct horse battery staple\n", StandardCharsets.UTF_8);
        CompletableFuture<String> bobInvite = CompletableFuture.supplyAsync(() -> server.invite("bob"));
        PeerProcess alice = peer("enroll-alice", "alice", Map.of(), "enroll", "--invite", server.invite("alice"),
                "--name", "laptop");
        PeerProcess bob = peer("enroll-bob", "bob", Map.of(), "enroll", "--invite",
                bobInvite.get(COMMAND.toSeconds(), TimeUnit.SECONDS), "--name", "desktop");
        for (PeerProcess p : List.of(alice, bob)) {
            if (p.awaitExit(COMMAND) != 0) {
                throw new AssertionError("enrollment failed: " + p);
            }
        }
        step("lab up, both enrolled");
    }

    /**
     * Starts {@code ngisec ARGS} as {@code user} (alice or bob) in their host's namespace, with
     * {@code environment} added; {@code name} names its output files.
     */
    public PeerProcess peer(String name, String user, Map<String, String> environment, String... args)
            throws IOException {
        String namespace = switch (user) {
            case "alice" -> lab.get("NETLAB_HOST_A");
            case "bob" -> lab.get("NETLAB_HOST_B");
            default -> throw new IllegalArgumentException("no host for " + user);
        };
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(1, List.of("--home", dir.resolve(user).toString(),
                "--passphrase-file", dir.resolve("passphrase").toString()));
        Map<String, String> env = new HashMap<>(environment);
        // -Dngisec.netlab.peer.log=FINE: the peers log ICE and sessions to their stderr (kept in target/netlab).
        String log = System.getProperty("ngisec.netlab.peer.log", "");
        if (!log.isEmpty()) {
            env.put("NGISEC_LOG", log);
        }
        PeerProcess p = PeerProcess.start(name, namespace, env, all.toArray(String[]::new));
        open.add(p);
        peers.add(p);
        return p;
    }

    /** Shapes router A's link: {@code link.sh PREFIX a ARGS} (netlab/README.md); returns its summary line. */
    public String shapeRouterA(String... args) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of("a"));
        all.addAll(List.of(args));
        return lab.script("link.sh", all.toArray(String[]::new)).strip();
    }

    /** The lab underneath, for its variables and commands in its namespaces. */
    public NetlabLab lab() {
        return lab;
    }

    /** Where this lab's outputs are kept (target/netlab/PREFIX). */
    public Path logs() {
        return logs;
    }

    /** Prints how long the lab has run so far, for the CI log. */
    public void step(String what) {
        System.out.printf(Locale.ROOT, "  %s: %s at %.1f s%n", lab.prefix(), what, (System.nanoTime() - started) / 1e9);
    }

    private void keepOutputs() {
        if (logs == null) {
            return;
        }
        try {
            for (PeerProcess p : peers) {
                Files.write(logs.resolve(p.name() + ".out"), p.stdout(), StandardCharsets.UTF_8);
                Files.write(logs.resolve(p.name() + ".err"), p.stderr(), StandardCharsets.UTF_8);
            }
            if (server != null) {
                Files.writeString(logs.resolve("policy-server.out"), server.output(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            System.out.println("  cannot keep the peers' output: " + e.getMessage());
        }
    }

    /** Stops the peers, then the server, then removes the lab (which kills whatever is left in it). */
    @Override
    public void close() throws Exception {
        try {
            for (AutoCloseable c : open.reversed()) {
                try {
                    c.close();
                } catch (Exception e) {
                    // The lab's removal below kills what is left.
                }
            }
            keepOutputs();
        } finally {
            lab.close();
        }
        step("lab removed");
    }
}
