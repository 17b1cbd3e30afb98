package io.ngisec.client.diag;

import io.ngisec.client.link.PeerLink;
import io.ngisec.client.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps {@code session_log} current for {@code ngisec diag}: every {@link #INTERVAL} the summary of
 * each watched link, and its last summary with the reason once it ends, so another process (or a
 * later one) sees live and recent sessions. Thread safe.
 */
public final class SessionRecorder implements AutoCloseable {

    /** How often live sessions are written: diag in another process is at most this stale. */
    public static final Duration INTERVAL = Duration.ofSeconds(2);

    private static final Logger LOG = Logger.getLogger(SessionRecorder.class.getName());

    /** A watched session: its id and start, and its latest summary (touched only on the timer thread). */
    private static final class Watched {
        final String id;
        final Instant started;
        SessionSummary last;

        Watched(String id, Instant started) {
            this.id = id;
            this.started = started;
        }
    }

    private final SessionLogTable table;
    private final Clock clock;
    private final Map<PeerLink, Watched> links = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("session-recorder").factory());

    public SessionRecorder(SessionLogTable table, Clock clock) {
        this.table = table;
        this.clock = clock;
        timer.scheduleWithFixedDelay(this::sample, INTERVAL.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Records {@code link} from now until it ends. */
    public void watch(PeerLink link) {
        byte[] id = new byte[8];
        ThreadLocalRandom.current().nextBytes(id);
        links.put(link, new Watched(HexFormat.of().formatHex(id), clock.instant()));
        try {
            timer.execute(this::sample);
        } catch (RejectedExecutionException closing) {
            // The peer is closing: this session is not recorded.
        }
    }

    private void sample() {
        for (Map.Entry<PeerLink, Watched> e : links.entrySet()) {
            PeerLink link = e.getKey();
            Watched w = e.getValue();
            try {
                // Sampled after the end too: the session's counters outlive it, so the last summary is
                // the whole session, not the last periodic sample.
                takeSample(link, w);
                Optional<String> end = link.closed();
                if (end.isPresent()) {
                    links.remove(link);
                }
                if (w.last != null) {
                    table.save(end.isPresent() ? w.last.ended(clock.instant(), end.get()) : w.last);
                }
            } catch (StoreException | RuntimeException ex) {
                LOG.log(Level.FINE, "cannot record the session with " + link.peer().user(), ex);
            }
        }
    }

    private void takeSample(PeerLink link, Watched w) {
        try {
            link.stats().ifPresent(stats -> w.last =
                    SessionSummary.of(w.id, link.peer(), link.initiator(), w.started, clock.instant(), stats));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "no statistics from the session with " + link.peer().user(), e);
        }
    }

    /** Writes the final state of every watched link, then stops; a second close does nothing. */
    @Override
    public synchronized void close() {
        if (timer.isShutdown()) {
            // Closed already (a shutdown hook and the command both close the peer on Ctrl-C).
            return;
        }
        timer.execute(this::sample);
        timer.shutdown();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
