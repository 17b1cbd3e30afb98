package io.ngisec.protocol.transport;

/**
 * A message channel to one peer, through which ICE agents exchange descriptions: the policy
 * server's WebSocket in production, {@link InMemorySignaling} in tests. Messages are opaque JSON
 * text to the channel; delivery is in order, at most once. Implementations are thread safe; the
 * listener is called on one thread at a time and must not block.
 */
public interface Signaling {

    /** Receives the peer's messages. */
    @FunctionalInterface
    interface Listener {
        void onMessage(String json);
    }

    /**
     * Queues {@code json} for the peer. Throws a SIGNALING_FAILED failure when the channel is
     * closed or refuses the message; success does not mean the peer has it.
     */
    void send(String json) throws TransportFailure;

    /**
     * Sets who receives the peer's messages (null: nobody), replacing any earlier listener. Messages that arrived
     * while no listener was set are delivered to this one, in order.
     */
    void setListener(Listener listener);
}
