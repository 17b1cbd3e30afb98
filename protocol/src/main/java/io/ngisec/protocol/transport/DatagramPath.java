package io.ngisec.protocol.transport;

import io.ngisec.protocol.qos.QosClass;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * The UDP flow ICE selected, for the session layer: send datagrams to the peer and receive its
 * datagrams through a callback. Unauthenticated: anything the session layer receives must pass
 * the record layer before it is believed. Thread safe; {@link #send} may be called from any thread.
 */
public interface DatagramPath extends AutoCloseable {

    /** Receives the peer's datagrams, on one thread in arrival order; must not block for long. */
    @FunctionalInterface
    interface Receiver {
        /** {@code datagram} is only valid during the call: copy what must outlive it. */
        void onDatagram(ByteBuffer datagram);
    }

    /**
     * Sends the remaining bytes of {@code datagram} as one datagram whose IP header carries the
     * DSCP of {@code qosClass} ({@link QosClass#trafficClassByte()}, best effort: a socket that
     * refuses the mark still sends); an IOException if the path is closed.
     */
    void send(ByteBuffer datagram, QosClass qosClass) throws IOException;

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
