package io.ngisec.protocol.netlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ngisec.protocol.qos.QosClass;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * NGISec peers through real NATs: each test builds a lab of {@code netlab/} (two hosts behind two
 * NAT routers, coturn on the "internet" between them, refusing to relay to the private LANs as a
 * hardened relay does), runs a {@link NetlabPeer} JVM on each host, relays their ICE descriptions,
 * and checks the outcome each peer reports: the candidate pair ICE selected, and a seeded stream
 * that arrived bit-exact (SHA-256) after the NGISec handshake. Both peers must describe the same
 * path. The lab is removed and the peers are killed by PID whatever happens; peer and coturn logs
 * stay in {@code target/netlab/PREFIX/}. Setup times and goodput are printed, not asserted.
 *
 * <p>In the cone-NAT test the sender also sends voice frames during the transfer, and tshark on
 * router A's {@code wan} (after its MASQUERADE) captures the flow between the two routers: each
 * of voice (DSCP 46), bulk (10) and control (26) must be on the wire, every NGISec packet must
 * carry its clear header's class in DSCP, and no payload may hold 32 bytes of the seeded
 * plaintext. Without tshark the capture is skipped, saying so.
 *
 * <p>Needs root, {@code ip netns}, iptables and coturn; skipped, saying which is missing, otherwise.
 * {@code -Dngisec.netlab.mib=N} moves N MiB instead of 8.
 */
class NatTraversalTest {

    private static final String SECRET = "netlab-" + Long.toHexString(new SecureRandom().nextLong());
    private static final long BYTES = Long.getLong("ngisec.netlab.mib", 8) << 20;
    /** JVM start and warm-up of both peers, generous for a loaded CI machine. */
    private static final Duration READY = Duration.ofSeconds(60);
    private static final Duration RESULT = Duration.ofSeconds(60);
    /** Voice frame interval of the cone test's sender, during its transfer. */
    private static final int VOICE_MS = 20;
    /** tshark starts while the peers warm up; it loads its dissectors first, seconds on a busy machine. */
    private static final long CAPTURE_START_SECONDS = 60;
    /**
     * CreatePermission requests coturn may see in one run: each peer asks for a handful of peer
     * addresses, and a refused one again after 1, 2, 4.. s. ice4j's own TURN socket re-sent a
     * refused request thousands of times a second.
     */
    private static final int MAX_CREATE_PERMISSIONS = 40;
    private static final Pattern CREATE_PERMISSION = Pattern.compile("incoming packet CREATE_PERMISSION processed, (\\S+)");

    @BeforeAll
    static void needsTheLab() {
        String why = NetlabLab.unavailable();
        assumeTrue(why == null, () -> "skipped: " + why);
    }

    @Test
    void behindTwoConeNatsPeersConnectDirectlyThroughServerReflexiveCandidates() throws Exception {
        try (NetlabLab lab = NetlabLab.up("ntc", false)) {
            // Router A's WAN side, after its MASQUERADE: the flow between the two routers' public addresses.
            String noCapture = WireCapture.unavailable();
            String filter = "udp and host " + lab.get("NETLAB_ROUTER_A_WAN_IP") + " and host " + lab.get("NETLAB_ROUTER_B_WAN_IP");
            Run run;
            List<String> captured;
            try (WireCapture capture = noCapture != null ? null
                    : WireCapture.start(lab.get("NETLAB_ROUTER_A"), "wan", filter, logs(lab))) {
                run = run(lab, "cone NATs", List.of("--voice-ms=" + VOICE_MS), () -> {
                    if (capture != null) {
                        capture.awaitCapturing(CAPTURE_START_SECONDS);
                    }
                });
                captured = capture == null ? null : capture.stop();
            }

            assertTransferred(run);
            for (PeerReport r : List.of(run.alice, run.bob)) {
                assertThat(List.of(r.localType(), r.remoteType())).as("candidate types of %s", r.values())
                        .doesNotContain("relay");
            }
            // Direct: each peer talks to the other's NAT router, not to the relay or a private address.
            assertThat(run.alice.remoteIp()).as("alice's remote").isEqualTo(lab.get("NETLAB_ROUTER_B_WAN_IP"));
            assertThat(run.bob.remoteIp()).as("bob's remote").isEqualTo(lab.get("NETLAB_ROUTER_A_WAN_IP"));
            assertThat(Stream.of(run.alice.localType(), run.alice.remoteType(), run.bob.localType(), run.bob.remoteType()))
                    .as("a server-reflexive candidate in the selected pairs").contains("srflx");
            assertPermissionsBounded(lab, false);
            System.out.printf(Locale.ROOT, "  voice frames (%d ms): bob sent %s, alice received %s%n", VOICE_MS,
                    run.bob.get("voice_sent"), run.alice.get("voice_received"));
            assertThat(run.bob.number("voice_sent")).as("voice frames bob sent: %s", run.bob.values()).isPositive();
            assertThat(run.alice.number("voice_received")).as("voice frames alice received: %s", run.alice.values()).isPositive();
            assertThat(run.alice.number("voice_other")).as("datagrams that are not bob's voice frames").isZero();
            if (captured == null) {
                System.out.println("  no capture on the NAT link: " + noCapture);
            } else {
                assertOnTheWire(captured);
            }
        }
    }

    /**
     * What tshark saw on router A's WAN link: each class's DSCP, every NGISec packet carrying its
     * header class's DSCP through both NATs, and none of the seeded plaintext in any payload.
     */
    private static void assertOnTheWire(List<String> captured) {
        WireSummary wire = WireSummary.of(captured, plaintextSlices());
        System.out.printf(Locale.ROOT, "  on router A's wan: %d UDP packets: NGISec %s (%d DATA), %d STUN, %d other%n",
                captured.size(), wire.perClass(), wire.data(), wire.stun(), wire.other());
        assertThat(wire.plaintext()).as("captured payloads containing 32 bytes of the seeded plaintext").isEmpty();
        assertThat(wire.mismatches()).as("NGISec packets whose DSCP is not their header class's").isEmpty();
        assertThat(wire.count(QosClass.VOICE)).as("voice packets (DSCP 46) on the wire").isPositive();
        assertThat(wire.count(QosClass.BULK)).as("bulk packets (DSCP 10) on the wire").isPositive();
        assertThat(wire.count(QosClass.CONTROL)).as("control packets (DSCP 26) on the wire").isPositive();
        assertThat(wire.data()).as("NGISec DATA packets on the wire").isPositive();
    }

    /** 16 distinct 32-byte windows of the stream's first 2.5 KiB, each inside one voice frame. */
    private static List<byte[]> plaintextSlices() {
        byte[] prefix = NetlabPeer.seededPrefix(16 * NetlabPeer.VOICE_FRAME);
        List<byte[]> slices = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            int at = i * NetlabPeer.VOICE_FRAME + i * 7;
            slices.add(Arrays.copyOfRange(prefix, at, at + 32));
        }
        return slices;
    }

    @Test
    void behindTwoSymmetricNatsPeersConnectThroughTheTurnRelay() throws Exception {
        try (NetlabLab lab = NetlabLab.up("nts", true)) {
            Run run = run(lab, "symmetric NATs", List.of(), () -> { });

            assertTransferred(run);
            // The relayed address one peer uses as its local end is the other's remote end.
            boolean aliceRelays = run.alice.localType().equals("relay");
            boolean bobRelays = run.bob.localType().equals("relay");
            assertThat(aliceRelays || bobRelays).as("a relayed local candidate: alice %s, bob %s",
                    run.alice.values(), run.bob.values()).isTrue();
            if (aliceRelays) {
                assertThat(run.bob.get("remote")).as("bob's remote").isEqualTo(run.alice.get("local"));
                assertThat(run.bob.remoteType()).isEqualTo("relay");
            }
            if (bobRelays) {
                assertThat(run.alice.get("remote")).as("alice's remote").isEqualTo(run.bob.get("local"));
                assertThat(run.alice.remoteType()).isEqualTo("relay");
            }
            assertThat(run.alice.get(aliceRelays ? "local" : "remote")).startsWith(lab.get("NETLAB_PUBLIC_IP") + ":");
            assertPermissionsBounded(lab, true);
        }
    }

    private record Run(PeerReport alice, PeerReport bob) {
    }

    /** Runs before GO, once both peers are ready. */
    private interface BeforeGo {
        void run() throws Exception;
    }

    /** Where the lab's logs (and captures) go: {@code target/netlab/PREFIX/}. */
    private static Path logs(NetlabLab lab) throws Exception {
        return Files.createDirectories(Path.of("target", "netlab", lab.prefix()));
    }

    /**
     * Starts both peers ({@code extra}: more NetlabPeer arguments for both), relays their signaling,
     * lets them go together after {@code beforeGo}, returns their reports.
     */
    private static Run run(NetlabLab lab, String label, List<String> extra, BeforeGo beforeGo) throws Exception {
        Path logs = logs(lab);
        lab.keepLogsIn(logs);
        lab.startCoturn(SECRET, true);
        String server = lab.get("NETLAB_PUBLIC_IP");
        List<String> common = new ArrayList<>(List.of("--servers=stun:" + server + ",turn:" + server, "--turn-secret=" + SECRET,
                "--bytes=" + BYTES, "--seed=" + lab.prefix().hashCode(), "--timeout-ms=180000"));
        common.addAll(extra);
        try (PeerProcess alice = PeerProcess.start("alice", lab.get("NETLAB_HOST_A"),
                        with(common, "--role=controlling", "--host=" + lab.get("NETLAB_A_IP")), logs);
                PeerProcess bob = PeerProcess.start("bob", lab.get("NETLAB_HOST_B"),
                        with(common, "--role=controlled", "--host=" + lab.get("NETLAB_B_IP")), logs)) {
            long started = System.nanoTime();
            alice.relayTo(bob);
            bob.relayTo(alice);
            alice.awaitReady(READY);
            bob.awaitReady(READY);
            System.out.printf(Locale.ROOT, "netlab %s: peers started and warmed up in %.1f s%n", lab.prefix(),
                    (System.nanoTime() - started) / 1e9);
            beforeGo.run();
            alice.send(NetlabPeer.GO);
            bob.send(NetlabPeer.GO);
            Run run = new Run(alice.awaitResult(RESULT), bob.awaitResult(RESULT));
            print(label, run);
            return run;
        }
    }

    private static void assertTransferred(Run run) {
        for (PeerReport r : List.of(run.alice, run.bob)) {
            assertThat(List.of(r.get("stats_local_type"), r.get("stats_local"), r.get("stats_remote_type"), r.get("stats_remote")))
                    .as("the session statistics name the pair ICE selected: %s", r.values())
                    .containsExactly(r.localType(), r.get("local"), r.remoteType(), r.get("remote"));
        }
        assertThat(run.alice.get("verified")).as("alice checked the seeded stream: %s", run.alice.values()).isEqualTo("true");
        assertThat(Long.parseLong(run.alice.get("bytes"))).isEqualTo(BYTES);
        assertThat(run.alice.get("sha256")).as("SHA-256 received vs sent").isEqualTo(run.bob.get("sha256"));
        assertThat(run.alice.get("peer")).isEqualTo("bob");
        assertThat(run.bob.get("peer")).isEqualTo("alice");
    }

    /**
     * coturn's log has a line per CreatePermission: few in all, however many it refused (LAN peers:
     * 403). {@code relayed}: the path went through the relay, so there were some.
     */
    private static void assertPermissionsBounded(NetlabLab lab, boolean relayed) throws Exception {
        Matcher m = CREATE_PERMISSION.matcher(lab.coturnLog());
        List<String> outcomes = new ArrayList<>();
        while (m.find()) {
            outcomes.add(m.group(1));
        }
        long refused = outcomes.stream().filter(o -> !o.equals("success")).count();
        System.out.printf("  coturn: %d CreatePermission requests, %d refused%n", outcomes.size(), refused);
        assertThat(outcomes.size()).as("CreatePermission requests seen by coturn (%d refused)", refused)
                .isLessThanOrEqualTo(MAX_CREATE_PERMISSIONS);
        if (relayed) {
            assertThat(outcomes).as("CreatePermission outcomes").contains("success");
        }
    }

    private static List<String> with(List<String> common, String... more) {
        List<String> all = new ArrayList<>(common);
        all.addAll(List.of(more));
        return all;
    }

    private static void print(String label, Run run) {
        PeerReport a = run.alice;
        PeerReport b = run.bob;
        System.out.printf(Locale.ROOT, "netlab, %s: alice %s %s -> %s %s; bob %s %s -> %s %s%n"
                        + "  alice (ticket holder, receiver): ICE done %.0f ms, handshake %.0f ms (done %.0f ms),"
                        + " first protected byte %.0f ms after the ticket; %d MiB at %s Mbit/s%n"
                        + "  bob (responder, sender): ICE done %.0f ms, handshake done %.0f ms, all acknowledged %.0f ms%n",
                label, a.localType(), a.get("local"), a.remoteType(), a.get("remote"),
                b.localType(), b.get("local"), b.remoteType(), b.get("remote"),
                a.number("ice_done_ms"), a.number("handshake_ms"), a.number("handshake_done_ms"),
                a.number("first_byte_ms"), BYTES >> 20, a.get("goodput_mbit_s"),
                b.number("ice_done_ms"), b.number("handshake_done_ms"), b.number("send_done_ms"));
    }
}
