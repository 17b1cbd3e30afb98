package io.ngisec.protocol.netlab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Bulk goodput of one NGISec session through a lab that {@code netlab/link-bench.sh} has built and
 * shaped: the sender ({@link NetlabPeer} bob) runs on host A, behind the shaped router, the
 * receiver (alice, who holds the ticket and initiates) on host B, so the bulk crosses router A's
 * link towards the internet, as the scp baseline's upload does. Arguments, {@code --key=value}:
 * {@code host-a-ns}, {@code host-a-ip}, {@code host-b-ns}, {@code host-b-ip}, {@code server} (STUN
 * and TURN), {@code turn-secret}, {@code mib}, {@code logs} (directory for the peers' stderr), and
 * optionally {@code window} and {@code send-buffer} (bytes, passed on to both peers). Prints one
 * line {@code NGISEC key=value ...}: the receiver's goodput (first to last byte) and the sender's
 * congestion state at the end; exits 1 when a peer fails. The peers are killed by PID on any exit.
 * A benchmark, not a test: nothing is asserted.
 */
public final class LinkBenchmark {

    private static final Duration READY = Duration.ofSeconds(120);

    private LinkBenchmark() {
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new HashMap<>();
        for (String a : argv) {
            int eq = a.indexOf('=');
            if (!a.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("arguments are --key=value, got " + a);
            }
            args.put(a.substring(2, eq), a.substring(eq + 1));
        }
        long bytes = Long.parseLong(args.get("mib")) << 20;
        Path logs = Files.createDirectories(Path.of(args.get("logs")));
        String server = args.get("server");
        List<String> common = new ArrayList<>(List.of("--servers=stun:" + server + ",turn:" + server,
                "--turn-secret=" + args.get("turn-secret"), "--bytes=" + bytes, "--seed=" + server.hashCode(),
                "--timeout-ms=" + Math.max(180_000, bytes / 1000))); // >= 8 Mbit/s for any size
        for (String buffer : List.of("window", "send-buffer")) {
            if (args.containsKey(buffer)) {
                common.add("--" + buffer + "=" + args.get(buffer));
            }
        }
        int status = 0;
        Duration result = Duration.ofMillis(Math.max(180_000, bytes / 1000) + 10_000);
        try (PeerProcess receiver = PeerProcess.start("alice", args.get("host-b-ns"),
                        with(common, "--role=controlling", "--host=" + args.get("host-b-ip")), logs);
                PeerProcess sender = PeerProcess.start("bob", args.get("host-a-ns"),
                        with(common, "--role=controlled", "--host=" + args.get("host-a-ip")), logs)) {
            receiver.relayTo(sender);
            sender.relayTo(receiver);
            receiver.awaitReady(READY);
            sender.awaitReady(READY);
            receiver.send(NetlabPeer.GO);
            sender.send(NetlabPeer.GO);
            PeerReport in = receiver.awaitResult(result);
            PeerReport out = sender.awaitResult(result);
            if (!"true".equals(in.values().get("verified"))) {
                System.out.println("FAILED the receiver did not get the seeded stream intact: " + in.values());
                status = 1;
            } else {
                print(in, out, bytes);
            }
        } catch (AssertionError e) {
            System.out.println("FAILED " + e.getMessage().lines().findFirst().orElse(""));
            System.err.println(e.getMessage());
            status = 1;
        }
        // After the peers' close (EXIT, then SIGTERM, SIGKILL by PID).
        System.exit(status);
    }

    private static void print(PeerReport in, PeerReport out, long bytes) {
        double seconds = (in.number("last_byte_ms") - in.number("first_byte_ms")) / 1000;
        System.out.printf(Locale.ROOT,
                "NGISEC mib=%d seconds=%.2f goodput_mbit_s=%s path=%s:%s->%s:%s srtt_ms=%s min_rtt_ms=%s"
                        + " loss_rate=%s cwnd=%s pacing_mbit_s=%s packets_sent=%s%n",
                bytes >> 20, seconds, in.get("goodput_mbit_s"), out.localType(), out.get("local"),
                out.remoteType(), out.get("remote"), out.get("srtt_ms"), out.get("min_rtt_ms"),
                out.get("loss_rate"), out.get("cwnd"), out.get("pacing_mbit_s"), out.get("packets_sent"));
    }

    private static List<String> with(List<String> common, String... more) {
        List<String> all = new ArrayList<>(common);
        all.addAll(List.of(more));
        return all;
    }
}
