package io.ngisec.server.signal;

import java.util.function.Consumer;

/**
 * Carries {@link SignalEnvelope}s between the server instances sharing one database, so a device
 * connected to one instance can reach a device connected to another. Every message published
 * reaches every subscriber of every instance, the publisher's own included; subscribers pick what
 * concerns their connected devices. Delivery is best effort: a message is lost if the database
 * is unreachable when it is published (publish then throws) or while an instance reconnects.
 * Thread safe.
 */
public interface SignalBus extends AutoCloseable {

    /**
     * Sends {@code envelope} to every subscriber. Throws IllegalArgumentException if it is too large
     * for this bus, IllegalStateException if the bus is closed or cannot reach its database.
     */
    void publish(SignalEnvelope envelope);

    /**
     * Calls {@code listener} with every message published from now on, until the returned handle
     * is closed. A listener that throws is logged and skipped; it stays subscribed.
     */
    AutoCloseable subscribe(Consumer<SignalEnvelope> listener);

    /** Stops delivering; later publishes throw IllegalStateException. Idempotent. */
    @Override
    void close();
}
