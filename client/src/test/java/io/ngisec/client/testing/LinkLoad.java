package io.ngisec.client.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Traffic that fills router A's uplink in a {@link NetlabCallLab}: alice sends bob a file with
 * {@code ngisec send} (a process of its own), and optionally a CUBIC TCP flow (iperf3) goes from
 * host A to the public namespace. CUBIC is there because NGISec's BBR keeps the bottleneck queue
 * short (netlab/README.md, "QoS classes"), while a loss-based transfer, as most desktop software
 * makes, keeps it full. {@link #close()} stops all of it by PID (SIGTERM). Not thread safe.
 */
public final class LinkLoad implements AutoCloseable {

    private static final Pattern IPERF_INTERVAL = Pattern.compile("\\s([0-9.]+) Mbits/sec");
    private static final Duration START = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PeerProcess send;
    private final Process cubicServer;
    private final Process cubicClient;
    private final Path cubicLog;
    private long markedBytes;
    private long markedNanos;
    private int markedCubicLines;

    /** What the load carried since {@link #mark()}: the transfer's goodput, the CUBIC flow's mean rate (-1 without). */
    public record Rates(double transferBytesPerSecond, double cubicMbps, boolean transferRunning) {
    }

    private LinkLoad(PeerProcess send, Process cubicServer, Process cubicClient, Path cubicLog) {
        this.send = send;
        this.cubicServer = cubicServer;
        this.cubicClient = cubicClient;
        this.cubicLog = cubicLog;
    }

    /** Starts the load: the CUBIC flow (when {@code cubic}) once iperf3 listens, then the transfer, without waiting for it. */
    public static LinkLoad start(NetlabCallLab lab, String label, Path file, boolean cubic) throws Exception {
        Process server = null;
        Process client = null;
        Path log = lab.logs().resolve("iperf3-" + label + ".txt");
        if (cubic) {
            String pub = lab.lab().get("NETLAB_PUBLIC_NS");
            String ip = lab.lab().get("NETLAB_PUBLIC_IP");
            server = new ProcessBuilder("ip", "netns", "exec", pub, "iperf3", "-s", "-1", "-B", ip)
                    .redirectErrorStream(true).redirectOutput(lab.logs().resolve("iperf3-server-" + label + ".txt").toFile())
                    .start();
            try {
                awaitListening(lab, pub, server);
            } catch (Exception | Error e) {
                server.destroy();
                throw e;
            }
            client = new ProcessBuilder("ip", "netns", "exec", lab.lab().get("NETLAB_HOST_A"), "iperf3", "-c", ip,
                    "-t", "300", "-C", "cubic", "-i", "1", "--forceflush")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        }
        PeerProcess send = lab.peer("send-alice-" + label, "alice", Map.of(), "send", "--json", "--to", "bob",
                file.toString());
        return new LinkLoad(send, server, client, cubic ? log : null);
    }

    /** Waits until the transfer moves bytes (its first progress line); returns then, as {@link System#nanoTime}. */
    public long awaitMoving() throws InterruptedException {
        send.awaitLine(l -> l.contains("\"progress\""), START);
        return System.nanoTime();
    }

    /** Starts counting what the load carries from now. */
    public void mark() throws IOException {
        markedBytes = transferred();
        markedNanos = System.nanoTime();
        markedCubicLines = cubicRates().size();
    }

    /** What the load carried since {@link #mark()}. */
    public Rates sinceMark() throws IOException {
        double seconds = (System.nanoTime() - markedNanos) / 1e9;
        List<Double> rates = cubicRates();
        List<Double> since = rates.subList(Math.min(markedCubicLines, rates.size()), rates.size());
        double cubic = cubicLog == null || since.isEmpty() ? -1
                : since.stream().mapToDouble(Double::doubleValue).average().orElse(-1);
        return new Rates((transferred() - markedBytes) / seconds, cubic, send.alive());
    }

    /** The transfer's bytes so far, from its last progress line. */
    private long transferred() throws IOException {
        List<String> out = send.stdout();
        for (String line : out.reversed()) {
            if (line.contains("\"progress\"")) {
                return JSON.readTree(line).path("bytesDone").asLong();
            }
        }
        return 0;
    }

    /** iperf3's per-second rates so far (the client's interval lines). */
    private List<Double> cubicRates() throws IOException {
        if (cubicLog == null || !Files.exists(cubicLog)) {
            return List.of();
        }
        return Files.readAllLines(cubicLog, StandardCharsets.UTF_8).stream()
                .filter(l -> l.contains(" sec ") && !l.contains("sender") && !l.contains("receiver"))
                .map(IPERF_INTERVAL::matcher).filter(Matcher::find).map(m -> Double.parseDouble(m.group(1))).toList();
    }

    private static void awaitListening(NetlabCallLab lab, String namespace, Process server) throws Exception {
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline && server.isAlive()) {
            if (lab.lab().exec(namespace, "ss", "-ltn").contains(":5201 ")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("iperf3 did not start listening in " + namespace);
    }

    /** Stops the transfer and the CUBIC flow (SIGTERM, then SIGKILL if one lingers). */
    @Override
    public void close() throws InterruptedException {
        send.stop();
        for (Process p : new Process[] {cubicClient, cubicServer}) {
            if (p != null) {
                p.destroy();
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }
    }
}
