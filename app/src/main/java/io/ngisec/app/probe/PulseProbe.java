package io.ngisec.app.probe;

import io.ngisec.app.service.ConnectionPhase;
import io.ngisec.app.service.PeerService;
import io.ngisec.app.service.PeerServiceListener;
import io.ngisec.app.service.ServerStatus;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javafx.animation.AnimationTimer;

/**
 * Records every FX pulse (an {@link AnimationTimer} runs once per pulse) and, once a second, the
 * heap in use, into a text file that {@link ProbeReport} reads. The FX thread only queues the
 * pulse's time stamp; a daemon thread writes. Lines: {@code start JVM_START_EPOCH_MS},
 * {@code p MS GAP_MS} (a pulse, ms since the probe started, gap since the previous one),
 * {@code h MS BYTES} (heap used), {@code shown MS} and {@code ready MS} (the first pulse after the
 * main window was shown and after it was online, in ms since the JVM started).
 * Started and stopped on the FX thread.
 */
public final class PulseProbe implements AutoCloseable {

    /** Environment variable (or system property {@value #PROPERTY}) naming the file to write; unset: no probe. */
    public static final String VARIABLE = "NGISEC_APP_PROBE";
    public static final String PROPERTY = "ngisec.app.probe";

    private static final Logger LOG = Logger.getLogger(PulseProbe.class.getName());
    private static final long NO_MARK = Long.MIN_VALUE;

    private final BufferedWriter out;
    private final long origin = System.nanoTime();
    private final ConcurrentLinkedQueue<Long> pulses = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> marks = new ConcurrentLinkedQueue<>();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    private final Thread writer;
    private final AnimationTimer timer;
    private volatile String pendingMark;
    private long lastPulse = NO_MARK;
    private volatile boolean closed;

    private PulseProbe(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        out.write("# ngisec app probe: pulses (ms since probe start, gap ms), heap used (bytes), marks (ms since JVM start)\n");
        out.write("start " + jvmStart + "\n");
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulses.add(now);
                String mark = pendingMark;
                if (mark != null) {
                    // Wall clock, as the JVM's start time is: the first frame drawn after the event.
                    marks.add(mark + " " + (System.currentTimeMillis() - jvmStart));
                    pendingMark = null;
                }
            }
        };
        writer = Thread.ofPlatform().daemon().name("app-probe").unstarted(this::writeLoop);
    }

    /** The probe the environment or system properties ask for, started; empty when not asked for or the file cannot be written. */
    public static Optional<PulseProbe> requested(Map<String, String> environment) {
        String file = System.getProperty(PROPERTY, environment.getOrDefault(VARIABLE, ""));
        if (file.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(start(Path.of(file)));
        } catch (IOException | UncheckedIOException | java.nio.file.InvalidPathException e) {
            System.err.println("ngisec-app: no responsiveness probe: cannot write " + file + " (" + e.getMessage() + ")");
            return Optional.empty();
        }
    }

    /** Starts a probe writing to {@code file} (replaced). FX thread. */
    public static PulseProbe start(Path file) throws IOException {
        PulseProbe probe = new PulseProbe(file);
        probe.timer.start();
        probe.writer.start();
        return probe;
    }

    /** Marks the next pulse as {@code shown} now, and as {@code ready} once {@code service} is first online. FX thread. */
    public void watch(PeerService service) {
        pendingMark = "shown";
        service.addListener(new PeerServiceListener() {
            private boolean seen;

            @Override
            public void statusChanged(ServerStatus status) {
                if (!seen && status.phase() == ConnectionPhase.ONLINE) {
                    seen = true;
                    pendingMark = "ready";
                }
            }
        });
        if (service.status().phase() == ConnectionPhase.ONLINE) {
            pendingMark = "ready";
        }
    }

    /** Milliseconds since the probe started, on the clock of its {@code p} and {@code h} lines. */
    public double elapsedMillis() {
        return (System.nanoTime() - origin) / 1e6;
    }

    private void writeLoop() {
        try {
            while (!closed) {
                TimeUnit.SECONDS.sleep(1);
                synchronized (this) {
                    if (!closed) {
                        drain();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.warning("responsiveness probe stopped: " + e.getMessage());
        }
    }

    /** Holding the lock: close() must not close the file under a write. */
    private void drain() throws IOException {
        StringBuilder lines = new StringBuilder();
        for (Long now = pulses.poll(); now != null; now = pulses.poll()) {
            if (lastPulse != NO_MARK) {
                lines.append("p ").append(millis(now - origin)).append(' ').append(millis(now - lastPulse)).append('\n');
            }
            lastPulse = now;
        }
        for (String mark = marks.poll(); mark != null; mark = marks.poll()) {
            lines.append(mark).append('\n');
        }
        lines.append("h ").append(millis(System.nanoTime() - origin)).append(' ')
                .append(memory.getHeapMemoryUsage().getUsed()).append('\n');
        out.write(lines.toString());
        out.flush();
    }

    private static String millis(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.2f", nanos / 1e6);
    }

    /** Stops the timer and writes what is left. FX thread. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        timer.stop();
        try {
            drain();
            out.close();
        } catch (IOException e) {
            LOG.warning("responsiveness probe: " + e.getMessage());
        }
    }
}
