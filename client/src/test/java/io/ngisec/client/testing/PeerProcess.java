package io.ngisec.client.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One {@code ngisec} command line as its own process, run from the test class path exactly as
 * {@code ./ngisec} runs it (same main class, same JVM options), optionally inside a network
 * namespace: collects stdout and stderr line by line, so a test can wait for a line, kill the
 * process abruptly (SIGKILL, as a crash) and read its exit code.
 */
public final class PeerProcess implements AutoCloseable {

    private final Process process;
    private final List<String> out = new ArrayList<>();
    private final List<String> err = new ArrayList<>();
    private final String name;
    private final List<Thread> pumps;

    private PeerProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        pumps = List.of(pump(process.inputReader(StandardCharsets.UTF_8), out),
                pump(new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)), err));
    }

    /** Starts {@code ngisec ARGS} with {@code environment} added; {@code namespace} (or null) wraps it in {@code ip netns exec}. */
    public static PeerProcess start(String name, String namespace, Map<String, String> environment, String... args)
            throws IOException {
        return startThrough(name, namespace == null ? List.of() : List.of("ip", "netns", "exec", namespace), environment, args);
    }

    /**
     * Starts {@code ngisec ARGS} with {@code environment} added, run through {@code prefix} (a
     * command that executes the rest, such as {@code setpriv ...} to drop capabilities); empty
     * for none.
     */
    public static PeerProcess startThrough(String name, List<String> prefix, Map<String, String> environment, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(prefix);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "io.ngisec.client.cli.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        return new PeerProcess(name, builder.start());
    }

    /** Starts {@code ngisec ARGS} on this host. */
    public static PeerProcess start(String name, String... args) throws IOException {
        return start(name, null, Map.of(), args);
    }

    /** Runs {@code ngisec ARGS} to its end (at most {@code timeout}) and returns the finished process. */
    public static PeerProcess run(String name, Duration timeout, String... args) throws IOException, InterruptedException {
        PeerProcess p = start(name, args);
        p.awaitExit(timeout);
        return p;
    }

    /** Runs {@code ngisec ARGS} in {@code namespace} (or null) to its end (at most {@code timeout}) and returns the finished process. */
    public static PeerProcess run(String name, String namespace, Map<String, String> environment, Duration timeout,
            String... args) throws IOException, InterruptedException {
        PeerProcess p = start(name, namespace, environment, args);
        p.awaitExit(timeout);
        return p;
    }

    /** Waits up to {@code timeout} for a stdout line matching {@code wanted}; returns it. */
    public String awaitLine(Predicate<String> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        while (System.nanoTime() < deadline) {
            synchronized (out) {
                for (; seen < out.size(); seen++) {
                    if (wanted.test(out.get(seen))) {
                        return out.get(seen);
                    }
                }
                out.wait(100);
            }
            // Ended, and its stdout read to the end: the line will not come.
            if (!process.isAlive() && !pumps.getFirst().isAlive() && seen >= stdout().size()) {
                throw new AssertionError(name + " exited (" + process.exitValue() + ") before the line; stdout "
                        + stdout() + " stderr " + stderr());
            }
        }
        throw new AssertionError(name + ": no such line within " + timeout + "; stdout " + stdout() + " stderr " + stderr());
    }

    /** Waits for the process to end; fails the test if it does not within {@code timeout}. Returns its exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(name + " still running after " + timeout + "; stdout " + stdout() + " stderr " + stderr());
        }
        drain();
        return process.exitValue();
    }

    /** Whether the process is still running. */
    public boolean alive() {
        return process.isAlive();
    }

    public int exitCode() {
        return process.exitValue();
    }

    /** SIGKILL: the process gets no chance to clean up, as in a crash or power loss. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        drain();
    }

    /**
     * SIGTERM: a clean stop. What the process prints while it stops is kept: through its
     * {@link ProcessHandle}, since {@link Process#destroy()} closes the pipes first.
     */
    public void stop() throws InterruptedException {
        process.toHandle().destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        drain();
    }

    public List<String> stdout() {
        synchronized (out) {
            return List.copyOf(out);
        }
    }

    public List<String> stderr() {
        synchronized (err) {
            return List.copyOf(err);
        }
    }

    /** The name the test gave this process. */
    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    @Override
    public String toString() {
        return name + " stdout " + stdout() + " stderr " + stderr();
    }

    /**
     * Waits for the pumps to take the last lines of an ended process (its pipes' end), which on a
     * loaded machine can come well after the exit; bounded, in case a child process holds them open.
     */
    private void drain() throws InterruptedException {
        for (Thread pump : pumps) {
            pump.join(Duration.ofSeconds(10));
        }
    }

    private static Thread pump(BufferedReader reader, List<String> lines) {
        return Thread.ofPlatform().daemon().start(() -> {
            try (reader) {
                for (String line; (line = reader.readLine()) != null; ) {
                    synchronized (lines) {
                        lines.add(line);
                        lines.notifyAll();
                    }
                }
            } catch (IOException ignored) {
                // The process ended.
            }
        });
    }
}
