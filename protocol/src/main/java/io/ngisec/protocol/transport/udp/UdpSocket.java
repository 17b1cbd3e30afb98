package io.ngisec.protocol.transport.udp;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * A bound UDP socket that sends and receives {@link DatagramBatch}es. One thread may send while
 * another receives; {@link #wakeup()} and {@link #close()} may be called from any thread. A
 * closed socket throws {@link java.nio.channels.ClosedChannelException} from send and receive.
 */
public interface UdpSocket extends AutoCloseable {

    /** The address and port this socket is bound to. */
    InetSocketAddress localAddress();

    /**
     * Sends the datagrams of {@code batch} in order, each to its address with its traffic class
     * (best effort: a platform that refuses the mark still sends). Returns how many were sent;
     * fewer than the batch holds only when the socket's send buffer stayed full (the rest is not
     * sent) or the system refused a datagram (e.g. no route, a broadcast address, too large for
     * the path): that one is skipped, counted in {@link #refusedSends()}, and the rest still go.
     * The caller may drop what was not sent, as UDP would. Does not change the batch.
     */
    int send(DatagramBatch batch) throws IOException;

    /**
     * Clears {@code batch} and fills it with up to its capacity of datagrams, waiting up to
     * {@code timeoutNanos} for the first (0: do not wait; negative: wait until one arrives or
     * {@link #wakeup()}). Returns how many arrived: 0 on timeout or wake-up.
     */
    int receive(DatagramBatch batch, long timeoutNanos) throws IOException;

    /** Datagrams the system refused to send (skipped by {@link #send}), since the socket opened. */
    default long refusedSends() {
        return 0;
    }

    /**
     * Datagrams received but dropped because they were longer than the batch's slots (never
     * delivered cut short), since the socket opened.
     */
    default long truncatedDrops() {
        return 0;
    }

    /** Ends the current or next wait of {@link #receive} early; wake-ups pile up into one. */
    void wakeup();

    /** Closes the socket; a thread blocked in receive returns (with ClosedChannelException). Idempotent. */
    @Override
    void close();
}
