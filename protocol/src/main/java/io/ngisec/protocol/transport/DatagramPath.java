package io.ngisec.protocol.transport;

import io.ngisec.protocol.qos.QosClass;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * The UDP flow ICE selected, for the session layer: send datagrams to the peer and receive its
 * datagrams through a callback. Unauthenticated: anything the session layer receives must pass
 * the record layer before it is believed. Thread safe; {@link #send} may be called from any thread.
 *
 * <p>ICE shares the flow: datagrams whose first byte is 0 to 3 (STUN) or 64 to 79 (TURN
 * ChannelData) belong to it (RFC 7983) and are never delivered to the receiver. NGISec records
 * start with 17 to 21.
 */
public interface DatagramPath extends AutoCloseable {

    /** Receives the peer's datagrams, on one thread in arrival order; must not block for long. */
    @FunctionalInterface
    interface Receiver {
        /** {@code datagram} is only valid during the call: copy what must outlive it. */
        void onDatagram(ByteBuffer datagram);

        /**
         * Called after the datagrams that arrived together (one receive system call) have been
         * delivered: the moment to answer them all at once. Paths that do not batch call it after
         * every datagram.
         */
        default void onBatchEnd() {
        }
    }

    /**
     * Sends the remaining bytes of {@code datagram} as one datagram whose IP header carries the
     * DSCP of {@code qosClass} ({@link QosClass#trafficClassByte()}, best effort: a socket that
     * refuses the mark still sends); an IOException if the path is closed.
     */
    void send(ByteBuffer datagram, QosClass qosClass) throws IOException;

    /**
     * Queues a copy of the remaining bytes of {@code datagram} (consumed) to go out, marked as in
     * {@link #send}, at the next {@link #flush()}, or earlier when the queue is full; a path that
     * does not batch sends at once. One thread at a time may queue and flush (the session's).
     */
    default void queue(ByteBuffer datagram, QosClass qosClass) throws IOException {
        send(datagram, qosClass);
    }

    /** Sends what {@link #queue} queued, with as few system calls as the platform allows. */
    default void flush() throws IOException {
    }

    /**
     * Starts delivering datagrams to {@code receiver}; may be called once. Datagrams that arrive
     * before wait in the socket's buffer (and are dropped when it fills, as UDP does).
     */
    void receive(Receiver receiver);

    InetSocketAddress localAddress();

    InetSocketAddress remoteAddress();

    /** The type of the local candidate of the selected pair: RELAYED means through a TURN server. */
    CandidateType localType();

    /** The type of the remote candidate of the selected pair. */
    CandidateType remoteType();

    /** Stops receiving; later sends fail. Idempotent. Does not free the ICE agent. */
    @Override
    void close();
}
