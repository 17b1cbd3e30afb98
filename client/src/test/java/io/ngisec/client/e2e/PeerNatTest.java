package io.ngisec.client.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ngisec.client.testing.PeerProcess;
import io.ngisec.client.testing.PolicyServerProcess;
import io.ngisec.client.testing.SeededFiles;
import io.ngisec.protocol.netlab.NetlabLab;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The headless peer's end-to-end flow through the NATs of netlab (root only; skipped with the
 * reason otherwise): the real policy server and coturn in the lab's public namespace, alice behind
 * router A and bob behind router B, each an {@code ngisec} process in its host's namespace.
 * Enrollment, {@code netcheck}, {@code listen}, {@code send} of a file, {@code chat} and
 * {@code diag} run as a user runs them; behind cone NATs the session goes direct through both
 * NATs, behind symmetric ones it must go through coturn's relay.
 */
class PeerNatTest {

    private static final long FILE_BYTES = Long.getLong("ngisec.netlab.peer.mib", 64) << 20;
    private static final Duration COMMAND = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void needsLab() {
        String why = NetlabLab.unavailable();
        Assumptions.assumeTrue(why == null, why);
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void behindConeNatsTheSessionGoesDirectThroughBothNats(@TempDir Path dir) throws Exception {
        try (Flow flow = Flow.up(dir, false)) {
            flow.run();
            List<JsonNode> sessions = flow.aliceSessions();
            for (JsonNode s : sessions) {
                assertThat(s.get("path").asText()).as("session %s", s).isEqualTo("direct");
                // alice reaches bob at the address router B's NAT gave him, seen by STUN or by a check.
                assertThat(s.get("remote").asText()).as("session %s", s)
                        .matches("(srflx|prflx) " + flow.lab.get("NETLAB_ROUTER_B_WAN_IP").replace(".", "\\.") + ":\\d+");
            }
        }
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void behindSymmetricNatsTheSessionIsRelayedByTurn(@TempDir Path dir) throws Exception {
        try (Flow flow = Flow.up(dir, true)) {
            flow.run();
            for (JsonNode s : flow.aliceSessions()) {
                assertThat(s.get("path").asText()).as("session %s", s).isEqualTo("relayed");
                assertThat(s.get("local").asText() + " " + s.get("remote").asText()).as("session %s", s)
                        .contains("relay " + flow.lab.get("NETLAB_PUBLIC_IP") + ":");
            }
        }
    }

    /** One lab with coturn, the policy server and both peers enrolled; closes all of it, whatever failed. */
    private static final class Flow implements AutoCloseable {

        final NetlabLab lab;
        final Path dir;
        final List<AutoCloseable> open = new ArrayList<>();
        final List<PeerProcess> peers = new ArrayList<>();
        final long started = System.nanoTime();
        Path logs;
        PolicyServerProcess server;
        JsonNode netcheck;
        PeerProcess bob;

        private Flow(NetlabLab lab, Path dir) {
            this.lab = lab;
            this.dir = dir;
        }

        static Flow up(Path dir, boolean symmetric) throws Exception {
            NetlabLab lab = NetlabLab.up(symmetric ? "pns" : "pnc", symmetric);
            Flow flow = new Flow(lab, dir);
            try {
                flow.logs = Files.createDirectories(Path.of("target", "netlab", lab.prefix()));
                lab.keepLogsIn(flow.logs);
                String secret = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(lab.prefix().getBytes(StandardCharsets.UTF_8)));
                // A hardened relay, as in production: no relaying to the labs' private addresses.
                lab.startCoturn(secret, true);
                Path secretFile = dir.resolve("turn-secret");
                Files.writeString(secretFile, secret + "\n", StandardCharsets.UTF_8);
                String ip = lab.get("NETLAB_PUBLIC_IP");
                flow.server = PolicyServerProcess.start(dir, PolicyServerProcess.Options
                        .inNamespace(lab.get("NETLAB_PUBLIC_NS"), ip)
                        .withStartArgs("--stun", "stun:" + ip + ":3478", "--turn", "turn:" + ip + ":3478",
                                "--turn-secret-file", secretFile.toString()));
                flow.open.add(flow.server);
                flow.step("lab, coturn and policy server up");
                return flow;
            } catch (Exception | Error e) {
                try {
                    flow.close();
                } catch (Exception closing) {
                    e.addSuppressed(closing);
                }
                throw e;
            }
        }

        void run() throws Exception {
            String a = lab.get("NETLAB_HOST_A");
            String b = lab.get("NETLAB_HOST_B");
            Files.writeString(dir.resolve("passphrase"), "correct horse battery staple\n", StandardCharsets.UTF_8);

            // Each invite is an admin JVM in the public namespace: both at once.
            CompletableFuture<String> bobInvite = CompletableFuture.supplyAsync(() -> server.invite("bob"));
            PeerProcess enrollAlice = peer("enroll-alice", a, "enroll", "--invite", server.invite("alice"),
                    "--name", "laptop", "--json");
            PeerProcess enrollBob = peer("enroll-bob", b, "enroll", "--invite", bobInvite.get(COMMAND.toSeconds(),
                    TimeUnit.SECONDS), "--name", "desktop", "--json");
            assertThat(enrollAlice.awaitExit(COMMAND)).as("%s", enrollAlice).isZero();
            assertThat(enrollBob.awaitExit(COMMAND)).as("%s", enrollBob).isZero();
            step("both enrolled");

            Path saveDir = dir.resolve("bob-downloads");
            bob = peer("listen-bob", b, "listen", "--json", "--save-dir", saveDir.toString());
            // netcheck while bob comes online: both take a JVM start.
            PeerProcess check = peer("netcheck-alice", a, "netcheck", "--json");
            bob.awaitLine(l -> l.contains("\"event\":\"listening\""), COMMAND);
            assertThat(check.awaitExit(COMMAND)).as("%s", check).isZero();
            step("bob listening, netcheck done");
            netcheck = JSON.readTree(check.stdout().getFirst());
            assertThat(netcheck.get("udp").asBoolean()).as("%s", netcheck).isTrue();
            // Behind the lab's NAT; coturn answers on 3478 only (no alternate port to compare mappings
            // with), so netcheck knows there is a NAT but not how it maps.
            assertThat(netcheck.get("nat").asText()).as("%s", netcheck).isNotIn("NO_NAT", "UNKNOWN")
                    .isEqualTo("ONE_SERVER");
            JsonNode turn = turnCheck(netcheck);
            assertThat(turn.get("binding").get("reachable").asBoolean()).as("%s", netcheck).isTrue();
            assertThat(turn.get("binding").get("mapped").asText()).as("%s", netcheck)
                    .startsWith(lab.get("NETLAB_ROUTER_A_WAN_IP") + ":");
            assertThat(turn.get("turn").get("allocated").asBoolean()).as("%s", netcheck).isTrue();

            Path file = dir.resolve("payload.bin");
            String sha256 = SeededFiles.write(file, FILE_BYTES, 5);
            PeerProcess send = peer("send-alice", a, "send", "--json", "--to", "bob", file.toString());
            assertThat(send.awaitExit(Duration.ofSeconds(150))).as("%s\nbob: %s", send, bob).isZero();
            step("sent " + (FILE_BYTES >> 20) + " MiB");
            String done = bob.awaitLine(l -> l.contains("\"event\":\"transfer\"") && l.contains("\"COMPLETED\""), COMMAND);
            Path saved = Path.of(JSON.readTree(done).get("saved").get("payload.bin").asText());
            assertThat(saved.getParent()).isEqualTo(saveDir);
            assertThat(Files.size(saved)).isEqualTo(FILE_BYTES);
            assertThat(SeededFiles.sha256(saved)).as("the saved file").isEqualTo(sha256);

            PeerProcess chat = peer("chat-alice", a, "chat", "--to", "bob", "hi", "bob");
            assertThat(chat.awaitExit(COMMAND)).as("%s\nbob: %s", chat, bob).isZero();
            step("chat delivered");
            String line = bob.awaitLine(l -> l.contains("\"event\":\"chat\""), COMMAND);
            assertThat(JSON.readTree(line).get("from").asText()).isEqualTo("alice");
            assertThat(JSON.readTree(line).get("text").asText()).isEqualTo("hi bob");
        }

        /** alice's recorded sessions (diag --json), newest first: the chat's, then the transfer's. */
        List<JsonNode> aliceSessions() throws Exception {
            PeerProcess diag = peer("diag-alice", lab.get("NETLAB_HOST_A"), "diag", "--json");
            assertThat(diag.awaitExit(COMMAND)).as("%s", diag).isZero();
            step("diag done");
            List<JsonNode> sessions = new ArrayList<>();
            for (String l : diag.stdout()) {
                sessions.add(JSON.readTree(l));
            }
            assertThat(sessions).as("%s", diag).hasSize(2);
            assertThat(sessions).allSatisfy(s -> assertThat(s.get("peer").asText()).isEqualTo("bob"));
            // The transfer's session carried the file (and a little more: framing, offers, checks).
            assertThat(sessions.get(1).get("bytesSent").asLong()).as("%s", sessions.get(1)).isGreaterThan(FILE_BYTES);
            return sessions;
        }

        private PeerProcess peer(String name, String namespace, String... args) throws IOException {
            String user = name.substring(name.indexOf('-') + 1);
            List<String> all = new ArrayList<>(List.of(args));
            all.addAll(1, List.of("--home", dir.resolve(user).toString(),
                    "--passphrase-file", dir.resolve("passphrase").toString()));
            // -Dngisec.netlab.peer.log=FINE: the peers log ICE and sessions to their stderr (kept in target/netlab).
            String log = System.getProperty("ngisec.netlab.peer.log", "");
            PeerProcess p = PeerProcess.start(name, namespace, log.isEmpty() ? Map.of() : Map.of("NGISEC_LOG", log),
                    all.toArray(String[]::new));
            open.add(p);
            peers.add(p);
            step(name + " started");
            return p;
        }

        /** Prints how long the flow has run so far, for the CI log. */
        void step(String what) {
            System.out.printf(Locale.ROOT, "  %s: %s at %.1f s%n", lab.prefix(), what,
                    (System.nanoTime() - started) / 1e9);
        }

        /** Each peer command's stdout and stderr and the server's output into target/netlab/PREFIX, for a look after a failure. */
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

        private static JsonNode turnCheck(JsonNode netcheck) {
            for (JsonNode s : netcheck.get("servers")) {
                if (s.get("type").asText().equals("TURN")) {
                    return s;
                }
            }
            throw new AssertionError("netcheck checked no TURN server: " + netcheck);
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
}
