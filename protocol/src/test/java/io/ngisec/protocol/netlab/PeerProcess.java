package io.ngisec.protocol.netlab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@link NetlabPeer} in its own JVM inside a network namespace ({@code ip netns exec NS java
 * ...}, which execs java, so the process we hold is the JVM itself and is killed by its own PID).
 * Its {@code ICE} lines are copied to the other peer's stdin (the test is the signaling server);
 * {@code READY}, {@code RESULT} and {@code FAILED} lines complete this object's waits. stderr goes
 * to a log file the failure messages point at. Thread safe.
 */
final class PeerProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;
    private final OutputStream stdin;
    private final CountDownLatch ready = new CountDownLatch(1);
    private final CompletableFuture<PeerReport> result = new CompletableFuture<>();
    private final List<String> lines = new ArrayList<>();
    private volatile PeerProcess peer;

    private PeerProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.stdin = process.getOutputStream();
        Thread.ofPlatform().daemon().name("peer-" + name + "-stdout").start(this::readStdout);
    }

    /** Starts a peer called {@code name} in {@code namespace} with NetlabPeer's {@code --key=value} arguments. */
    static PeerProcess start(String name, String namespace, List<String> args, Path logDir) throws IOException {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", namespace,
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Xmx256m", "-XX:+UseSerialGC",
                "-Djava.util.logging.config.file=" + loggingConfig(),
                NetlabPeer.class.getName()));
        command.addAll(args);
        Path log = logDir.resolve("peer-" + name + ".log");
        Process p = new ProcessBuilder(command).redirectError(log.toFile()).start();
        return new PeerProcess(name, p, log);
    }

    /** Where this peer's ICE lines go. */
    void relayTo(PeerProcess other) {
        this.peer = other;
    }

    /** Waits for READY (credentials built, warmed up); an AssertionError with the log's tail otherwise. */
    void awaitReady(Duration timeout) throws InterruptedException {
        if (!ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw failure("not ready within " + timeout, null);
        }
    }

    /** The first stdout line starting with {@code prefix} (such as PROGRESS); an AssertionError with the log's tail otherwise. */
    String awaitLine(String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && !result.isDone()) {
            for (String line : linesSoFar()) {
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
            Thread.sleep(20);
        }
        throw failure("no line starting " + prefix.strip() + " within " + timeout, null);
    }

    /** Sends one line (GO, EXIT, ICE ...) to the peer's stdin. */
    synchronized void send(String line) {
        try {
            stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            // The peer is gone; its missing RESULT reports that with its log.
        }
    }

    /** The peer's RESULT; an AssertionError with the peer's FAILED line and log tail otherwise. */
    PeerReport awaitResult(Duration timeout) throws InterruptedException {
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw failure("no RESULT within " + timeout, null);
        } catch (ExecutionException e) {
            throw failure(e.getCause().getMessage(), null);
        }
    }

    private void readStdout() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(StdioSignaling.PREFIX)) {
                    PeerProcess to = peer;
                    if (to != null) {
                        to.send(line);
                    }
                    continue;
                }
                synchronized (lines) {
                    lines.add(line);
                }
                if (line.equals(NetlabPeer.READY)) {
                    ready.countDown();
                } else if (line.startsWith(NetlabPeer.RESULT)) {
                    result.complete(PeerReport.parse(line.substring(NetlabPeer.RESULT.length())));
                } else if (line.startsWith(NetlabPeer.FAILED)) {
                    result.completeExceptionally(new IllegalStateException(line));
                }
            }
        } catch (IOException e) {
            // The process ended; fall through.
        }
        result.completeExceptionally(new IllegalStateException("peer exited without a RESULT"));
    }

    private AssertionError failure(String what, Throwable cause) {
        return new AssertionError("peer " + name + ": " + what + "; stdout " + linesSoFar() + "; log "
                + log + ":\n" + tail(log), cause);
    }

    private List<String> linesSoFar() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** Lets the peer close its session (EXIT), then makes sure the JVM is gone: SIGTERM, then SIGKILL. */
    @Override
    public void close() {
        send(NetlabPeer.EXIT);
        try {
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(3, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(3, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - 40), all.size()));
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private static String loggingConfig() {
        try {
            return Path.of(PeerProcess.class.getResource("/netlab-peer-logging.properties").toURI()).toString();
        } catch (URISyntaxException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
