package io.ngisec.protocol.transport.udp;

import io.ngisec.protocol.testing.HostTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A tshark capture on loopback for a test: fields of each packet matching a capture filter, one
 * tab-separated line per packet. {@link #skipReason()} says why a test cannot capture here (not
 * root, no tshark). Stops tshark by its own PID, even when the test fails.
 */
final class TsharkCapture implements AutoCloseable {

    private final Process process;
    private final Path out;
    private final Path err;

    private TsharkCapture(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** Why capturing is impossible here, or null. */
    static String skipReason() {
        if (!HostTools.isRoot()) {
            return "capturing on lo needs root";
        }
        return HostTools.onPath("tshark") == null ? "tshark is not on the PATH" : null;
    }

    /** Starts capturing on lo and returns once tshark reports that it captures. */
    static TsharkCapture start(String filter, String... fields) throws IOException, InterruptedException {
        Path out = Files.createTempFile("ngisec-capture", ".tsv");
        Path err = Files.createTempFile("ngisec-capture", ".err");
        List<String> command = new ArrayList<>(List.of(HostTools.onPath("tshark").toString(), "-i", "lo", "-B", "16", "-l", "-f", filter,
                "-T", "fields"));
        for (String field : fields) {
            command.add("-e");
            command.add(field);
        }
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        TsharkCapture capture = new TsharkCapture(p, out, err);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Files.readString(err).contains("Capturing on")) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                String why = Files.readString(err);
                capture.close();
                throw new IOException("tshark did not start capturing: " + why);
            }
            Thread.sleep(20);
        }
        return capture;
    }

    /** How many lines tshark has written so far. */
    int lineCount() throws IOException {
        return Files.readAllLines(out).size();
    }

    /**
     * Waits until tshark has written {@code lines} lines or {@code timeoutMillis} passed: on a
     * busy machine it may lag behind the packets by far more than a fixed pause.
     */
    void awaitLines(int lines, long timeoutMillis) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (Files.readAllLines(out).size() < lines && System.nanoTime() < deadline && process.isAlive()) {
            Thread.sleep(20);
        }
    }

    /** Stops tshark (SIGTERM lets it write what it captured) and returns its lines. */
    List<String> stop() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(2, TimeUnit.SECONDS);
        }
        return Files.readAllLines(out);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (process.isAlive()) {
            stop();
        }
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
    }

}
