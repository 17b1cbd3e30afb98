package io.ngisec.client.session;

import io.ngisec.protocol.identity.DeviceId;
import io.ngisec.protocol.transport.Signaling;
import io.ngisec.protocol.transport.TransportFailure;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The {@link Signaling} of one session setup: ICE messages wrapped in {@link SignalEnvelope}s with
 * this setup's id and sent to one peer device through the policy server; the peer's messages for
 * this id delivered in order on this setup's own thread. Thread safe; {@link #close()} stops
 * delivery and sending.
 */
final class SessionSignaling implements Signaling, AutoCloseable {

    private final DeviceId peer;
    private final String sessionId;
    private final boolean initiator;
    private final PeerSignals signals;
    private final Queue<String> pending = new ArrayDeque<>();
    private final ExecutorService delivery = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("signal-", 0).factory());
    private Listener listener;
    private boolean closed;

    /** Signaling of setup {@code sessionId} with {@code peer}, this side its {@code initiator} or not. */
    SessionSignaling(DeviceId peer, String sessionId, boolean initiator, PeerSignals signals) {
        this.peer = peer;
        this.sessionId = sessionId;
        this.initiator = initiator;
        this.signals = signals;
    }

    @Override
    public void send(String json) throws TransportFailure {
        synchronized (this) {
            if (closed) {
                throw new TransportFailure(TransportFailure.Reason.SIGNALING_FAILED, "session setup " + sessionId + " ended");
            }
        }
        try {
            signals.send(peer, new SignalEnvelope(sessionId, initiator, SignalEnvelope.Kind.ICE, json).encode());
        } catch (IOException e) {
            throw new TransportFailure(TransportFailure.Reason.SIGNALING_FAILED, "signaling: " + e.getMessage());
        }
    }

    /** Sends an abort for this setup, best effort (the peer gives up early rather than at its ICE timeout). */
    void abort(String why) {
        try {
            signals.send(peer, new SignalEnvelope(sessionId, initiator, SignalEnvelope.Kind.ABORT, why).encode());
        } catch (IOException | RuntimeException ignored) {
            // The peer then times out instead.
        }
    }

    @Override
    public synchronized void setListener(Listener listener) {
        this.listener = listener;
        drain();
    }

    /** An ICE message from the peer for this setup. */
    synchronized void arrive(String json) {
        if (!closed) {
            pending.add(json);
            drain();
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        pending.clear();
        delivery.shutdownNow();
    }

    private void drain() {
        while (listener != null && !pending.isEmpty()) {
            Listener to = listener;
            String json = pending.remove();
            delivery.execute(() -> to.onMessage(json));
        }
    }
}
