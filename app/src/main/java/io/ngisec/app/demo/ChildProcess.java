package io.ngisec.app.demo;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A process the demo starts (policy server, echo contact, admin command): its output (stdout and
 * stderr merged) goes line by line to a log file and is kept for waiting on a line. {@link #close}
 * stops it (SIGTERM, then SIGKILL after a grace period) and waits for it. Thread safe.
 */
final class ChildProcess implements AutoCloseable {

    private static final Duration GRACE = Duration.ofSeconds(10);

    private final String name;
    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final Thread pump;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.pump = Thread.ofPlatform().daemon().name("demo-" + name + "-output").start(() -> pump(log));
    }

    /** Starts {@code command} with {@code environment} added, logging to {@code log}. */
    static ChildProcess start(String name, List<String> command, Map<String, String> environment, Path log)
            throws DemoFailure {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        try {
            return new ChildProcess(name, builder.start(), log);
        } catch (IOException e) {
            throw new DemoFailure("cannot start the " + name + ": " + e.getMessage(), e);
        }
    }

    /** Waits up to {@code timeout} for a line matching {@code wanted}; fails naming the last line if it exits or times out. */
    String awaitLine(Predicate<String> wanted, Duration timeout) throws DemoFailure, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        synchronized (lines) {
            while (true) {
                for (; seen < lines.size(); seen++) {
                    if (wanted.test(lines.get(seen))) {
                        return lines.get(seen);
                    }
                }
                if (!pump.isAlive()) {
                    throw new DemoFailure("the " + name + " exited before it was ready" + lastLine());
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new DemoFailure("the " + name + " was not ready within " + timeout.toSeconds() + " s" + lastLine());
                }
                lines.wait(Math.max(1, Math.min(200, TimeUnit.NANOSECONDS.toMillis(left))));
            }
        }
    }

    /** Waits for the process to end (killing it after {@code timeout}); returns its exit code. */
    int awaitExit(Duration timeout) throws DemoFailure, InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            close();
            throw new DemoFailure("the " + name + " did not finish within " + timeout.toSeconds() + " s" + lastLine());
        }
        pump.join(GRACE);
        return process.exitValue();
    }

    /** The output so far. */
    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** {@code ": LAST LINE"} of its output, or nothing, for failure messages. */
    String lastLine() {
        synchronized (lines) {
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (!lines.get(i).isBlank()) {
                    return ": " + lines.get(i).strip();
                }
            }
            return "";
        }
    }

    long pid() {
        return process.pid();
    }

    /** Stops it (SIGTERM so it cleans up, SIGKILL if it lingers) and waits; never fails. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.toHandle().destroy();
        }
        try {
            if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
            pump.join(GRACE);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void pump(Path log) {
        try (BufferedReader reader = process.inputReader(StandardCharsets.UTF_8);
                BufferedWriter writer = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            for (String line; (line = reader.readLine()) != null; ) {
                writer.write(line);
                writer.newLine();
                writer.flush();
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException e) {
            // The process ended, or its folder went: nothing more to read.
        } finally {
            synchronized (lines) {
                lines.notifyAll();
            }
        }
    }
}
