package io.ngisec.protocol.netlab;

import io.ngisec.protocol.testing.HostTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * tshark on an interface inside one of a lab's namespaces ({@code ip netns exec NS tshark ...},
 * which execs tshark, so the process held is tshark itself): the IP DSCP, UDP length and UDP
 * payload (hex) of each packet matching a capture filter, one tab-separated line per packet.
 * Started at once, so it can load its dissectors while the peers warm up; {@link #awaitCapturing}
 * waits until it really captures. {@link #close()} stops it by its PID; not thread safe.
 */
final class WireCapture implements AutoCloseable {

    /** The fields of each line: DSCP, UDP length (header included), UDP payload as hex. */
    static final List<String> FIELDS = List.of("ip.dsfield.dscp", "udp.length", "udp.payload");

    private final Process process;
    private final Path out;
    private final Path err;

    private WireCapture(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** Why no capture is possible here (no tshark on the PATH), or null. */
    static String unavailable() {
        return HostTools.onPath("tshark") == null ? "tshark is not on the PATH" : null;
    }

    /** Starts tshark on {@code iface} in {@code namespace}; its output goes to files in {@code dir}. */
    static WireCapture start(String namespace, String iface, String filter, Path dir) throws IOException {
        Path out = dir.resolve("capture-" + iface + ".tsv");
        Path err = dir.resolve("capture-" + iface + ".err");
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", namespace, HostTools.onPath("tshark").toString(),
                "-i", iface, "-B", "32", "-l", "-n", "-f", filter, "-T", "fields"));
        for (String field : FIELDS) {
            command.add("-e");
            command.add(field);
        }
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        return new WireCapture(p, out, err);
    }

    /**
     * Returns once tshark says it captures; an AssertionError with its stderr if it exits or is
     * not capturing within {@code seconds} (it loads its dissectors first: seconds on a busy machine).
     */
    void awaitCapturing(long seconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!Files.readString(err).contains("Capturing on")) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("tshark did not start capturing within " + seconds + " s (alive "
                        + process.isAlive() + "): " + Files.readString(err));
            }
            Thread.sleep(20);
        }
    }

    /**
     * Stops tshark (SIGTERM: it writes what it still holds) and returns its lines; its stderr,
     * with the count of packets it captured or dropped, stays in the directory given to start.
     */
    List<String> stop() throws IOException, InterruptedException {
        close();
        return Files.readAllLines(out);
    }

    /**
     * Stops tshark by its PID, forcibly if it does not end within 10 s. An interrupt while waiting
     * kills it at once and is passed on (the interrupt flag stays set): close() must not throw it.
     */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(3, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

}
