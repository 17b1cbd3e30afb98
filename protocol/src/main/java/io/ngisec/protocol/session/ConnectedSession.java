package io.ngisec.protocol.session;

import io.ngisec.protocol.transport.DatagramPath;
import io.ngisec.protocol.transport.IceTransport;
import io.ngisec.protocol.transport.PathEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An established {@link UdpSession} together with the {@link IceTransport} under it, kept on a
 * working path without a new handshake:
 *
 * <ul>
 *   <li>{@link #restartIce()} (the application saw the network change) or the loss of the current
 *       path's consent restarts ICE; a restart that fails is retried, up to {@value #MAX_RESTART_ATTEMPTS}
 *       times in a row, while the current path is dead;
 *   <li>whenever ICE selects a new path (after a restart by either side), the session migrates to
 *       it with path validation ({@link UdpSession#migrate}): keys, streams and data carry on;
 *   <li>once the session sends on the new path, the ICE generations of earlier paths are released.
 * </ul>
 *
 * Thread safe. Takes ownership of both: {@link #close()} closes the session, then the transport.
 * The listener is called on the transport's event thread or a pool thread; it must not block.
 */
public final class ConnectedSession implements AutoCloseable {

    /** Restarts in a row without a path before giving up on a dead path (each bounded by the ICE timeout). */
    static final int MAX_RESTART_ATTEMPTS = 3;

    /** Told what happens to the session's path. Default methods do nothing. */
    public interface Listener {
        /** The session now sends on {@code to}, no longer on {@code from}. */
        default void onMigrated(DatagramPath from, DatagramPath to) {
        }

        /** The current path lost consent: a restart is under way. */
        default void onPathLost(DatagramPath path) {
        }

        /** A restart or a migration failed; {@code willRetry} when another restart follows. */
        default void onFailure(Throwable cause, boolean willRetry) {
        }
    }

    /** What this class needs of its transport: an {@link IceTransport}, or a stand-in in tests. */
    interface Transport {
        void setPathListener(IceTransport.PathListener listener);

        CompletableFuture<DatagramPath> restart();

        void release(DatagramPath path);

        void close();
    }

    private static final Logger LOG = Logger.getLogger(ConnectedSession.class.getName());

    private final Transport ice;
    private final UdpSession session;
    private final Listener listener;
    // Guarded by this.
    /** Every path of the transport the session may still hold: the current one first. */
    private final List<DatagramPath> paths = new ArrayList<>();
    private boolean currentLost;
    private int failedRestarts;
    private boolean closed;

    private ConnectedSession(Transport ice, UdpSession session, Listener listener) {
        this.ice = ice;
        this.session = session;
        this.listener = listener;
        this.paths.add(session.path());
    }

    /**
     * Watches {@code ice}, whose first path {@code session} runs on, from now on (replacing its
     * path listener). Path events before this call are not seen, so call it right after the
     * session starts.
     */
    public static ConnectedSession start(IceTransport ice, UdpSession session, Listener listener) {
        return start(new Transport() {
            @Override
            public void setPathListener(IceTransport.PathListener l) {
                ice.setPathListener(l);
            }

            @Override
            public CompletableFuture<DatagramPath> restart() {
                return ice.restart();
            }

            @Override
            public void release(DatagramPath path) {
                ice.release(path);
            }

            @Override
            public void close() {
                ice.close();
            }
        }, session, listener);
    }

    static ConnectedSession start(Transport ice, UdpSession session, Listener listener) {
        ConnectedSession connected = new ConnectedSession(ice, session, listener);
        ice.setPathListener(connected::onPathEvent);
        return connected;
    }

    public UdpSession session() {
        return session;
    }

    /** The path the session sends on now. */
    public DatagramPath path() {
        return session.path();
    }

    /**
     * Restarts ICE now (the network changed) and moves the session to the new path; the future
     * completes with it once the session sends there, or fails (TransportFailure from ICE,
     * SessionFailure PATH_VALIDATION_FAILED or CLOSED). The session keeps its path meanwhile.
     */
    public CompletableFuture<DatagramPath> restartIce() {
        return ice.restart().thenCompose(session::migrate);
    }

    /** Closes the session, then the transport. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        session.close();
        ice.close();
    }

    private void onPathEvent(PathEvent event) {
        switch (event.kind()) {
            case SELECTED -> moveTo(event.path());
            case CONSENT_LOST -> onConsentLost(event.path());
            case RESTART_FAILED -> onRestartFailed(event.failure());
            case CLOSED -> { }
        }
    }

    private void moveTo(DatagramPath path) {
        DatagramPath from;
        synchronized (this) {
            if (closed || paths.contains(path)) {
                return; // the first path, or one we are already on
            }
            from = paths.getFirst();
            paths.add(path);
            failedRestarts = 0;
        }
        session.migrate(path).whenComplete((to, failure) -> {
            if (failure != null) {
                LOG.log(Level.FINE, "migration to " + path + " failed", failure);
                listener.onFailure(failure, false);
                return;
            }
            List<DatagramPath> left;
            synchronized (this) {
                left = new ArrayList<>(paths);
                left.remove(to);
                paths.retainAll(List.of(to));
                currentLost = false;
            }
            left.forEach(ice::release);
            listener.onMigrated(from, to);
        });
    }

    private void onConsentLost(DatagramPath path) {
        synchronized (this) {
            if (closed || path != session.path()) {
                return; // an old path we are leaving anyway
            }
            currentLost = true;
        }
        listener.onPathLost(path);
        ice.restart(); // its outcome comes back as SELECTED or RESTART_FAILED
    }

    private void onRestartFailed(Throwable cause) {
        boolean retry;
        synchronized (this) {
            retry = !closed && currentLost && ++failedRestarts < MAX_RESTART_ATTEMPTS;
        }
        listener.onFailure(cause, retry);
        if (retry) {
            ice.restart();
        }
    }
}
