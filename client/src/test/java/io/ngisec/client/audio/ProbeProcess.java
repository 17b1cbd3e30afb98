package io.ngisec.client.audio;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/** A {@link DeviceProbe} child JVM and the lines it prints. */
final class ProbeProcess implements AutoCloseable {

    /** A guard against a hung child, far above what any probe takes; not a measurement. */
    private static final long LIMIT_SECONDS = 90;

    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private boolean ended;

    private ProbeProcess(Process process) {
        this.process = process;
        Thread.ofPlatform().daemon().name("device-probe-output").start(this::collect);
    }

    /** Starts {@code DeviceProbe args} from the test class path, with {@code environment} applied to its builder. */
    static ProbeProcess start(Consumer<ProcessBuilder> environment, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx128m",
                "-cp", System.getProperty("java.class.path"), DeviceProbe.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        environment.accept(builder);
        return new ProbeProcess(builder.start());
    }

    /** Waits until the probe prints a line starting with {@code prefix}; returns it. */
    String awaitLine(String prefix) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LIMIT_SECONDS);
        synchronized (lines) {
            while (true) {
                for (String line : lines) {
                    if (line.startsWith(prefix)) {
                        return line;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || ended) {
                    throw new TimeoutException("the probe did not print '" + prefix + "':\n" + String.join("\n", lines));
                }
                TimeUnit.NANOSECONDS.timedWait(lines, left);
            }
        }
    }

    /** Waits for the probe to exit; returns everything it printed. */
    List<String> finish() throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LIMIT_SECONDS);
        synchronized (lines) {
            while (!ended) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    process.destroyForcibly();
                    throw new TimeoutException("the probe did not exit within " + LIMIT_SECONDS + " s:\n"
                            + String.join("\n", lines));
                }
                TimeUnit.NANOSECONDS.timedWait(lines, left);
            }
            return List.copyOf(lines);
        }
    }

    /** The line starting with {@code key + " "} after the key, from a finished probe's output. */
    static String value(List<String> output, String key) {
        return output.stream().filter(line -> line.startsWith(key + " ")).map(line -> line.substring(key.length() + 1))
                .findFirst().orElseThrow(() -> new AssertionError("no '" + key + "' in:\n" + String.join("\n", output)));
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private void collect() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException e) {
            // The process ended.
        }
        synchronized (lines) {
            ended = true;
            lines.notifyAll();
        }
    }
}
