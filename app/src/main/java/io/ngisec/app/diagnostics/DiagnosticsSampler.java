package io.ngisec.app.diagnostics;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Samples the live sessions once a second on its own thread (a session's statistics are taken on
 * the session's side, off the FX thread) and hands each sample, with its time in seconds since
 * {@link #start()}, to the FX thread. {@link #close()} stops it. Thread safe.
 */
public final class DiagnosticsSampler implements AutoCloseable {

    /** How often sessions are sampled. */
    public static final long PERIOD_MILLIS = 1000;

    private static final Logger LOG = Logger.getLogger(DiagnosticsSampler.class.getName());

    private final SessionSource source;
    private final BiConsumer<Double, List<LiveSession>> sink;
    private final Executor ui;
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("app-diagnostics").factory());
    private long started;

    /** Samples {@code source} into {@code sink} (e.g. {@code model::update}) through {@code ui}. */
    public DiagnosticsSampler(SessionSource source, BiConsumer<Double, List<LiveSession>> sink, Executor ui) {
        this.source = Objects.requireNonNull(source, "source");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.ui = Objects.requireNonNull(ui, "ui");
    }

    public void start() {
        started = System.nanoTime();
        timer.scheduleAtFixedRate(this::sample, 0, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void sample() {
        try {
            List<LiveSession> live = source.sessions();
            double seconds = (System.nanoTime() - started) / 1e9;
            ui.execute(() -> sink.accept(seconds, live));
        } catch (RuntimeException e) {
            // A failed sample must not end the schedule.
            LOG.log(Level.FINE, "diagnostics sample failed", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
