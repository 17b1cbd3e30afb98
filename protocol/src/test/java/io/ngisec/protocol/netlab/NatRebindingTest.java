package io.ngisec.protocol.netlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The path under a transfer changes mid-way (issue 4: "the peer's NAT mapping is changed
 * mid-transfer and the transfer continues"). Two {@link NetlabPeer}s behind two cone NATs connect
 * directly and bob sends alice 32 MiB over a link shaped to 48 Mbit/s, so it lasts several
 * seconds; both run a {@link io.ngisec.protocol.session.ConnectedSession} with 1 s consent checks
 * and a 4 s consent timeout. Once alice reports 4 MiB, one of:
 * <ul>
 *   <li><b>her NAT rebinds</b>: a rule ahead of router A's MASQUERADE maps UDP to ports
 *       20000-29999 and its conntrack table is flushed, so her flow leaves from a new public port
 *       (as after a NAT reboot or an expired mapping); what bob sends to the old port is dropped as
 *       unsolicited, and bob's direct path drops alice's packets from the unknown address;
 *   <li><b>her host is renumbered</b> (10.0.1.2 to 10.0.1.3, as DHCP may): her sockets' address is
 *       gone; she gathers on whatever addresses her host has ({@code --host=any}).
 * </ul>
 * Consent is lost, ICE restarts, both sessions migrate to the new pair.
 *
 * <p>Checked: the stream arrives bit-exact (SHA-256); both sessions migrated; the path each ends on
 * differs from the one ICE first selected and is the one its statistics name; after the rebinding,
 * bob's remote end is alice's router on a port of the new range. The interruption (alice's longest
 * wait between two reads, and when the change was made) is printed, not asserted. Needs root,
 * {@code ip netns}, iptables, coturn and {@code conntrack}; skipped otherwise.
 */
class NatRebindingTest {

    private static final String SECRET = "netlab-" + Long.toHexString(new SecureRandom().nextLong());
    private static final long BYTES = 32L << 20;
    private static final String RATE = "48mbit";
    private static final int NEW_PORTS_FROM = 20000;
    private static final int NEW_PORTS_TO = 29999;
    private static final String NEW_HOST_A = "10.0.1.3";
    private static final Duration READY = Duration.ofSeconds(60);
    private static final Duration PROGRESS = Duration.ofSeconds(40);
    private static final Duration RESULT = Duration.ofSeconds(90);

    @BeforeAll
    static void needsTheLab() {
        String why = NetlabLab.unavailable();
        assumeTrue(why == null, () -> "skipped: " + why);
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/conntrack")) || Files.isExecutable(Path.of("/sbin/conntrack")),
                "skipped: no conntrack (Debian package conntrack: see .ci/run)");
    }

    @Test
    void aTransferCarriesOnWhenTheReceiversNatGivesItsFlowANewPort() throws Exception {
        try (NetlabLab lab = NetlabLab.up("ntr", false)) {
            Run run = run(lab, "router A rebinds", lab.get("NETLAB_A_IP"), () -> rebind(lab, lab.get("NETLAB_ROUTER_A")));

            assertMigratedAndTransferred(run);
            String bobsRemote = run.bob.get("final_remote");
            assertThat(bobsRemote).as("bob reaches alice through her router").startsWith(lab.get("NETLAB_ROUTER_A_WAN_IP") + ":");
            assertThat(port(bobsRemote)).as("alice's new public port").isBetween(NEW_PORTS_FROM, NEW_PORTS_TO);
        }
    }

    @Test
    void aTransferCarriesOnWhenTheReceiversHostChangesItsAddress() throws Exception {
        try (NetlabLab lab = NetlabLab.up("nta", false)) {
            // alice gathers on whatever addresses her host has at the time, as an application does.
            Run run = run(lab, "host A moves to " + NEW_HOST_A, "any", () -> renumber(lab, lab.get("NETLAB_HOST_A")));

            assertMigratedAndTransferred(run);
            assertThat(run.bob.get("final_remote")).as("bob reaches alice through her router")
                    .startsWith(lab.get("NETLAB_ROUTER_A_WAN_IP") + ":");
            if (run.alice.get("final_local").startsWith("10.")) {
                assertThat(run.alice.get("final_local")).as("alice's host candidate").startsWith(NEW_HOST_A + ":");
            }
        }
    }

    private record Run(PeerReport alice, PeerReport bob) {
    }

    private interface Change {
        void make() throws Exception;
    }

    /**
     * Starts both peers (alice on {@code aliceHost}), lets bob send, makes {@code change} once alice
     * has 4 MiB, and returns both reports.
     */
    private static Run run(NetlabLab lab, String label, String aliceHost, Change change) throws Exception {
        Path logs = Files.createDirectories(Path.of("target", "netlab", lab.prefix()));
        lab.keepLogsIn(logs);
        lab.startCoturn(SECRET, true);
        lab.script("link.sh", "b", "--rate", RATE);
        String server = lab.get("NETLAB_PUBLIC_IP");
        List<String> common = List.of("--servers=stun:" + server + ",turn:" + server, "--turn-secret=" + SECRET,
                "--bytes=" + BYTES, "--seed=" + lab.prefix().hashCode(), "--timeout-ms=180000",
                "--consent-ms=1000/4000", "--progress-bytes=" + (4L << 20));
        try (PeerProcess a = PeerProcess.start("alice", lab.get("NETLAB_HOST_A"),
                        with(common, "--role=controlling", "--host=" + aliceHost), logs);
                PeerProcess b = PeerProcess.start("bob", lab.get("NETLAB_HOST_B"),
                        with(common, "--role=controlled", "--host=" + lab.get("NETLAB_B_IP")), logs)) {
            a.relayTo(b);
            b.relayTo(a);
            a.awaitReady(READY);
            b.awaitReady(READY);
            long go = System.nanoTime();
            a.send(NetlabPeer.GO);
            b.send(NetlabPeer.GO);
            String progress = a.awaitLine(NetlabPeer.PROGRESS, PROGRESS);
            change.make();
            double changedMs = (System.nanoTime() - go) / 1e6;
            System.out.printf(Locale.ROOT, "netlab %s: %s %.0f ms after GO (alice: %s)%n", lab.prefix(), label, changedMs,
                    progress);
            Run run = new Run(a.awaitResult(RESULT), b.awaitResult(RESULT));
            print(label, changedMs, run.alice, run.bob);
            return run;
        }
    }

    private static void assertMigratedAndTransferred(Run run) {
        assertThat(run.alice.get("verified")).as("alice checked the seeded stream: %s", run.alice.values()).isEqualTo("true");
        assertThat(Long.parseLong(run.alice.get("bytes"))).isEqualTo(BYTES);
        assertThat(run.alice.get("sha256")).as("SHA-256 received vs sent").isEqualTo(run.bob.get("sha256"));
        for (PeerReport r : List.of(run.alice, run.bob)) {
            assertThat(Long.parseLong(r.get("migrations"))).as("migrations: %s", r.values()).isPositive();
            assertThat(List.of(r.get("final_local"), r.get("final_remote"))).as("the path after the change: %s", r.values())
                    .isNotEqualTo(List.of(r.get("local"), r.get("remote")));
            assertThat(List.of(r.get("stats_local"), r.get("stats_remote"))).as("the statistics name the path the session ends on")
                    .containsExactly(r.get("final_local"), r.get("final_remote"));
        }
        assertThat(run.bob.get("final_remote")).as("bob's remote after the change").isNotEqualTo(run.bob.get("remote"));
    }

    private static int port(String address) {
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }

    /**
     * Moves {@code host} from its address to {@value #NEW_HOST_A} as a DHCP renumbering does: the
     * new address is added, the old one deleted (promote_secondaries keeps the new one when the
     * old, primary one goes), and the default route, which went with the old address, is put back.
     */
    private static void renumber(NetlabLab lab, String host) throws Exception {
        lab.exec(host, "sysctl", "-q", "-w", "net.ipv4.conf.eth0.promote_secondaries=1");
        lab.exec(host, "ip", "addr", "add", NEW_HOST_A + "/24", "dev", "eth0");
        lab.exec(host, "ip", "addr", "del", lab.get("NETLAB_A_IP") + "/24", "dev", "eth0");
        lab.exec(host, "ip", "route", "replace", "default", "via", "10.0.1.1", "dev", "eth0");
    }

    /**
     * Makes {@code router} map flows anew: UDP leaves from 20000-29999 from now on (a rule before
     * the lab's MASQUERADE), and the existing mappings are forgotten.
     */
    private static void rebind(NetlabLab lab, String router) throws Exception {
        lab.exec(router, "iptables", "-t", "nat", "-I", "POSTROUTING", "1", "-o", "wan", "-p", "udp",
                "-j", "MASQUERADE", "--to-ports", NEW_PORTS_FROM + "-" + NEW_PORTS_TO);
        lab.exec(router, "conntrack", "-F");
    }

    private static List<String> with(List<String> common, String... more) {
        List<String> all = new ArrayList<>(common);
        all.addAll(List.of(more));
        return all;
    }

    private static void print(String label, double changedMs, PeerReport a, PeerReport b) {
        System.out.printf(Locale.ROOT, "netlab, %s at %.0f ms (times from GO):%n"
                        + "  alice %s -> %s became %s -> %s; lost consent at %s ms, migrated at %s ms, %s migrations%n"
                        + "  bob   %s -> %s became %s -> %s; lost consent at %s ms, migrated at %s ms, %s migrations%n"
                        + "  alice's longest wait for data: %s ms, until %s ms (%.0f ms after the change);"
                        + " %d MiB done at %s ms, %s Mbit/s overall%n",
                label, changedMs,
                a.get("local"), a.get("remote"), a.get("final_local"), a.get("final_remote"), a.get("path_lost_ms"),
                a.get("migrated_ms"), a.get("migrations"),
                b.get("local"), b.get("remote"), b.get("final_local"), b.get("final_remote"), b.get("path_lost_ms"),
                b.get("migrated_ms"), b.get("migrations"),
                a.get("max_gap_ms"), a.get("max_gap_end_ms"), a.number("max_gap_end_ms") - changedMs,
                BYTES >> 20, a.get("last_byte_ms"), a.get("goodput_mbit_s"));
    }
}
