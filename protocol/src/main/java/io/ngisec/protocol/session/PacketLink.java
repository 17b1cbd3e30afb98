package io.ngisec.protocol.session;

import java.nio.ByteBuffer;

/**
 * Where a {@link SessionCore} puts the datagrams it sends: one UDP flow to the peer (an ICE
 * candidate pair later, a simulated link in tests). The receiving direction is the driver's job:
 * it hands each datagram that arrives to {@link SessionCore#onDatagram}.
 *
 * <p>Contract: {@link #send} is called on the session's thread with the datagram between the
 * buffer's position and limit; the link must copy what it keeps before returning, because the
 * session reuses the buffer. Sending is best effort: a link drops rather than blocks or throws.
 */
public interface PacketLink {

    /** Sends one datagram, best effort; must not keep a reference to {@code datagram}. */
    void send(ByteBuffer datagram);
}
