package io.ngisec.protocol.session;

import io.ngisec.protocol.qos.QosClass;
import java.nio.ByteBuffer;

/**
 * Where a {@link SessionCore} puts the datagrams it sends: one UDP flow to the peer (an ICE
 * candidate pair later, a simulated link in tests). The receiving direction is the driver's job:
 * it hands each datagram that arrives to {@link SessionCore#onDatagram}.
 *
 * <p>Contract: {@link #send} is called on the session's thread with the datagram between the
 * buffer's position and limit; the link must copy what it keeps before returning, because the
 * session reuses the buffer. Sending is best effort: a link drops rather than blocks or throws.
 * {@code qosClass} is the class sealed in the datagram's header, for the link to mark in the IP
 * header (DSCP, section 8.2 of the spec); a link without marking ignores it.
 */
public interface PacketLink {

    /** Sends one datagram of class {@code qosClass}, best effort; must not keep a reference to {@code datagram}. */
    void send(ByteBuffer datagram, QosClass qosClass);
}
