package io.ngisec.server.signal;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link SignalBus} of a single server instance (H2, or one instance on PostgreSQL): delivers
 * each message to the subscribers in this process, on the publisher's thread, before
 * {@link #publish} returns. No size limit. Thread safe.
 */
public final class LocalSignalBus implements SignalBus {

    private static final Logger LOG = LoggerFactory.getLogger(LocalSignalBus.class);

    private final List<Consumer<SignalEnvelope>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    @Override
    public void publish(SignalEnvelope envelope) {
        Objects.requireNonNull(envelope, "envelope");
        if (closed) {
            throw new IllegalStateException("signal bus closed");
        }
        for (Consumer<SignalEnvelope> listener : listeners) {
            try {
                listener.accept(envelope);
            } catch (RuntimeException e) {
                LOG.warn("signal listener failed on a {} message", envelope.kind(), e);
            }
        }
    }

    @Override
    public AutoCloseable subscribe(Consumer<SignalEnvelope> listener) {
        Objects.requireNonNull(listener, "listener");
        // A wrapper per subscription, so the same listener subscribed twice is removed once per close.
        Consumer<SignalEnvelope> subscription = listener::accept;
        listeners.add(subscription);
        return () -> listeners.remove(subscription);
    }

    @Override
    public void close() {
        closed = true;
        listeners.clear();
    }
}
