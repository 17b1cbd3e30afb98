package io.ngisec.protocol.transport;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One end of a {@link Signaling} channel whose other end lives in the same JVM: for tests and
 * demos. Each end delivers to its listener on its own thread, never on the sender's, like a
 * network would; messages wait while no listener is set. Thread safe; {@link #close()} both ends.
 */
public final class InMemorySignaling implements Signaling, AutoCloseable {

    private final String name;
    private final Queue<String> pending = new ArrayDeque<>();
    private final ExecutorService delivery;
    private InMemorySignaling peer;
    private Listener listener;
    private boolean closed;

    private InMemorySignaling(String name) {
        this.name = name;
        this.delivery = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().daemon().name("signaling-" + name).unstarted(r));
    }

    /** Two connected ends, called "a" and "b". */
    public static InMemorySignaling[] pair() {
        InMemorySignaling a = new InMemorySignaling("a");
        InMemorySignaling b = new InMemorySignaling("b");
        a.peer = b;
        b.peer = a;
        return new InMemorySignaling[] {a, b};
    }

    @Override
    public void send(String json) throws TransportFailure {
        if (isClosed() || peer.isClosed()) {
            throw new TransportFailure(TransportFailure.Reason.SIGNALING_FAILED, "signaling " + name + " is closed");
        }
        peer.arrive(json);
    }

    @Override
    public synchronized void setListener(Listener listener) {
        this.listener = listener;
        drain();
    }

    /** Closes this end and its peer; later sends fail, pending messages are dropped. */
    @Override
    public void close() {
        closeOne();
        peer.closeOne();
    }

    private synchronized void arrive(String json) {
        if (!closed) {
            pending.add(json);
            drain();
        }
    }

    private void drain() {
        while (listener != null && !pending.isEmpty()) {
            Listener to = listener;
            String json = pending.remove();
            delivery.execute(() -> to.onMessage(json));
        }
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    private synchronized void closeOne() {
        closed = true;
        pending.clear();
        delivery.shutdownNow();
    }
}
