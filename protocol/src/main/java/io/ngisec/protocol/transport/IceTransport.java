package io.ngisec.protocol.transport;

import static io.ngisec.protocol.transport.TransportFailure.Reason.CLOSED;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * ICE (RFC 8445, full ICE with trickle, RFC 8838) to one peer for one UDP flow, through
 * {@link Signaling}: {@link #connect()} completes with the {@link DatagramPath} of the first
 * selected pair; {@link #restart()} (or a restart by the peer) runs a new ICE generation with new
 * credentials, candidates and checks and selects a new path, leaving the earlier ones alone until
 * {@link #release released}. Selected pairs run consent freshness (RFC 7675).
 *
 * <p>What happens to paths is reported, in order, to the {@link PathListener}: SELECTED for each
 * new path (whoever restarted), CONSENT_LOST when a path's consent expires (the path then refuses to
 * send), RESTART_FAILED, and CLOSED last. Signaling messages are fragments of an
 * {@link IceDescription}: the peer's ufrag tells which generation a fragment belongs to (RFC 8445
 * section 9: a new ufrag is a restart); fragments of a generation the peer has left are dropped.
 *
 * <p>Failures are {@link TransportFailure}s: {@code connect()} fails with ICE_FAILED, TIMEOUT,
 * GATHERING_FAILED, SIGNALING_FAILED, MALFORMED_DESCRIPTION or CLOSED; after the first path, a
 * malformed message is dropped and counted instead. Thread safe. Futures complete and the
 * listener runs on the transport's threads: do not block there. Always {@link #close()} the
 * transport, whatever the outcome; closing frees every agent and socket, the paths' included.
 */
public final class IceTransport implements AutoCloseable {

    /** Receives path events, in order, on one thread of the transport; must not block for long. */
    @FunctionalInterface
    public interface PathListener {
        void onPathEvent(PathEvent event);
    }

    static {
        Ice4jDefaults.apply();
    }

    private static final Logger LOG = Logger.getLogger(IceTransport.class.getName());

    private final IceSettings settings;
    private final Signaling signaling;
    private final CompletableFuture<DatagramPath> first = new CompletableFuture<>();
    private final ScheduledExecutorService timer;
    private final ExecutorService events;
    private final IceGeneration.Owner owner = new Owner();
    private volatile PathListener listener = e -> { };

    // Guarded by this.
    /** Oldest first; the last is the current generation. Released and superseded ones are gone. */
    private final List<IceGeneration> generations = new ArrayList<>();
    private final Map<IceGeneration, CompletableFuture<DatagramPath>> restarts = new IdentityHashMap<>();
    /** Every ufrag the peer has used, so fragments of its earlier generations are recognised as stale. */
    private final Set<String> peerUfrags = new HashSet<>();
    private IceGeneration firstGeneration;
    private int nextGeneration;
    private boolean started;
    private boolean closed;
    private long droppedMessages;

    public IceTransport(IceSettings settings, Signaling signaling) {
        this.settings = settings;
        this.signaling = signaling;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("ice-timer").unstarted(r));
        this.events = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().daemon().name("ice-events").unstarted(r));
    }

    /** Who is told of path events from now on (null: nobody). Set it before {@link #connect()} to see every event. */
    public void setPathListener(PathListener listener) {
        this.listener = listener == null ? e -> { } : listener;
    }

    /**
     * Starts the first generation (gathering on a new thread) and returns at once. Call once; the
     * same future again after. The timeout of the settings runs from here.
     */
    public synchronized CompletableFuture<DatagramPath> connect() {
        if (started) {
            return first;
        }
        started = true;
        signaling.setListener(this::onSignal);
        firstGeneration = startGeneration();
        return first;
    }

    /**
     * ICE restart (RFC 8445 section 9): a new generation with new credentials gathers, tells the
     * peer (which restarts too) and checks; the future completes with the new path (also reported
     * as SELECTED) or fails (also reported as RESTART_FAILED). While a generation is still
     * looking for its path, that one's future is returned instead of starting another.
     */
    public synchronized CompletableFuture<DatagramPath> restart() {
        if (closed || !started) {
            return CompletableFuture.failedFuture(new TransportFailure(CLOSED, closed ? "closed" : "not connected"));
        }
        IceGeneration current = current();
        if (current.pending()) {
            return current == firstGeneration ? first : restarts.computeIfAbsent(current, g -> new CompletableFuture<>());
        }
        CompletableFuture<DatagramPath> done = new CompletableFuture<>();
        restarts.put(startGeneration(), done);
        return done;
    }

    /**
     * Frees the generation of {@code path} (its agent, sockets, consent checks), unless it is the
     * current one: for the owner once the session has moved to a newer path. Unknown paths are ignored.
     */
    public void release(DatagramPath path) {
        IceGeneration found = null;
        synchronized (this) {
            for (IceGeneration g : generations) {
                if (g.path() == path && g != current()) {
                    found = g;
                }
            }
            generations.remove(found);
        }
        if (found != null) {
            found.close();
        }
    }

    /** What the current generation has sent the peer so far, or null before its first fragment. */
    public synchronized IceDescription localDescription() {
        return generations.isEmpty() ? null : current().localDescription();
    }

    /** Signaling messages dropped after the first path: malformed, stale, or a ufrag with another pwd. */
    public synchronized long droppedMessages() {
        return droppedMessages;
    }

    /** Fails pending futures with CLOSED, closes every path and frees every agent; reports CLOSED. Idempotent. */
    @Override
    public void close() {
        List<IceGeneration> all;
        List<CompletableFuture<DatagramPath>> waiting;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            all = List.copyOf(generations);
            generations.clear();
            waiting = List.copyOf(restarts.values());
            restarts.clear();
        }
        TransportFailure failure = new TransportFailure(CLOSED, "closed");
        first.completeExceptionally(failure);
        waiting.forEach(f -> f.completeExceptionally(failure));
        signaling.setListener(null);
        all.forEach(IceGeneration::close);
        emit(new PathEvent(PathEvent.Kind.CLOSED, null, null));
        events.shutdown();
        timer.shutdownNow();
    }

    private IceGeneration current() {
        return generations.getLast();
    }

    /** Called with the lock held. */
    private IceGeneration startGeneration() {
        IceGeneration g = new IceGeneration(nextGeneration++, settings, owner, timer);
        generations.add(g);
        g.start();
        return g;
    }

    private void onSignal(String json) {
        IceDescription fragment;
        try {
            fragment = IceDescriptionCodec.decode(json);
        } catch (TransportFailure e) {
            if (!first.completeExceptionally(e)) {
                dropped("malformed message");
            }
            return;
        }
        IceGeneration target;
        synchronized (this) {
            if (closed) {
                return;
            }
            IceGeneration current = current();
            String ufrag = fragment.ufrag();
            if (ufrag.equals(current.remoteUfrag())) {
                target = current; // trickle
            } else if (peerUfrags.contains(ufrag)) {
                droppedMessages++; // a generation the peer has left
                return;
            } else if (current.remoteUfrag() == null) {
                target = current; // the answer to our generation (or both restarted at once)
            } else {
                target = startGeneration(); // the peer restarted
            }
            peerUfrags.add(ufrag);
        }
        if (!target.onRemote(fragment)) {
            dropped("a known ufrag with another pwd");
        }
    }

    private synchronized void dropped(String why) {
        droppedMessages++;
        LOG.fine(() -> "signaling message dropped: " + why);
    }

    private void emit(PathEvent event) {
        try {
            events.execute(() -> {
                try {
                    listener.onPathEvent(event);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "path listener failed on " + event, e);
                }
            });
        } catch (RejectedExecutionException e) {
            // Closed: CLOSED was the last event.
        }
    }

    /** The generations' reports, on their threads. */
    private final class Owner implements IceGeneration.Owner {

        @Override
        public void signal(IceDescription fragment) throws TransportFailure {
            signaling.send(IceDescriptionCodec.encode(fragment));
        }

        @Override
        public void onSelected(IceGeneration generation, SelectedPath path) {
            CompletableFuture<DatagramPath> restart;
            boolean superseded;
            synchronized (IceTransport.this) {
                if (closed) {
                    return;
                }
                superseded = generation != current();
                restart = restarts.remove(generation);
                if (superseded) {
                    generations.remove(generation);
                }
            }
            if (superseded) {
                // A newer generation started meanwhile (the peer restarted again): its path is the one to use.
                generation.close();
                if (restart != null) {
                    restart.completeExceptionally(new TransportFailure(CLOSED, "superseded by a newer restart"));
                }
                return;
            }
            emit(new PathEvent(PathEvent.Kind.SELECTED, path, null));
            if (generation == firstGeneration) {
                first.complete(path);
            }
            if (restart != null) {
                restart.complete(path);
            }
        }

        @Override
        public void onFailed(IceGeneration generation, TransportFailure failure) {
            CompletableFuture<DatagramPath> restart;
            synchronized (IceTransport.this) {
                if (closed) {
                    return;
                }
                restart = restarts.remove(generation);
            }
            generation.close();
            if (generation == firstGeneration) {
                first.completeExceptionally(failure);
            } else {
                emit(new PathEvent(PathEvent.Kind.RESTART_FAILED, null, failure));
            }
            if (restart != null) {
                restart.completeExceptionally(failure);
            }
        }

        @Override
        public void onConsentLost(IceGeneration generation, SelectedPath path) {
            emit(new PathEvent(PathEvent.Kind.CONSENT_LOST, path, null));
        }
    }
}
