package io.ngisec.protocol.handshake;

import io.ngisec.protocol.identity.DeviceCertificate;
import io.ngisec.protocol.identity.SessionTicket;
import io.ngisec.protocol.qos.QosPolicy;
import io.ngisec.protocol.record.RecordLayer;
import io.ngisec.protocol.record.RekeyPolicy;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * An established session's starting point: connection ids, traffic secrets, the verified peer and
 * ticket, and the handshake hash (a channel binding both sides share). The secrets are handed to
 * one record layer by {@link #openRecordLayer}, which erases them here.
 */
public final class HandshakeResult {

    private final boolean initiator;
    private final long localConnectionId;
    private final long remoteConnectionId;
    private final byte[] sendSecret;
    private final byte[] receiveSecret;
    private final DeviceCertificate peer;
    private final SessionTicket ticket;
    private final byte[] handshakeHash;
    private final Duration elapsed;
    private boolean consumed;

    HandshakeResult(boolean initiator, long localConnectionId, long remoteConnectionId, byte[] sendSecret,
            byte[] receiveSecret, DeviceCertificate peer, SessionTicket ticket, byte[] handshakeHash, Duration elapsed) {
        this.initiator = initiator;
        this.localConnectionId = localConnectionId;
        this.remoteConnectionId = remoteConnectionId;
        this.sendSecret = sendSecret;
        this.receiveSecret = receiveSecret;
        this.peer = peer;
        this.ticket = ticket;
        this.handshakeHash = handshakeHash;
        this.elapsed = elapsed;
    }

    /** Whether this side started the handshake. */
    public boolean initiator() {
        return initiator;
    }

    /** The id peers put in records sent to this side. */
    public long localConnectionId() {
        return localConnectionId;
    }

    /** The id this side puts in records sent to the peer. */
    public long remoteConnectionId() {
        return remoteConnectionId;
    }

    /** The peer's verified certificate: who is on the other end. */
    public DeviceCertificate peer() {
        return peer;
    }

    /** The verified ticket: what the two devices may do, at which QoS class. */
    public SessionTicket ticket() {
        return ticket;
    }

    /** The Noise handshake hash (a copy), equal on both sides of one handshake. */
    public byte[] handshakeHash() {
        return handshakeHash.clone();
    }

    /** Time from this side's first handshake step to the result. */
    public Duration elapsed() {
        return elapsed;
    }

    /**
     * The record layer of this session, enforcing the ticket's QoS ceilings in both directions;
     * callable once, after which the secrets here are zero.
     */
    public RecordLayer openRecordLayer(RekeyPolicy policy, LongSupplier nanoTime) {
        if (consumed) {
            throw new IllegalStateException("record layer already opened");
        }
        consumed = true;
        try {
            return new RecordLayer(localConnectionId, remoteConnectionId, sendSecret, receiveSecret, policy,
                    QosPolicy.of(ticket.grants()), nanoTime);
        } finally {
            Arrays.fill(sendSecret, (byte) 0);
            Arrays.fill(receiveSecret, (byte) 0);
        }
    }

    /** {@link #openRecordLayer(RekeyPolicy, LongSupplier)} with the default rekey policy and the system clock. */
    public RecordLayer openRecordLayer() {
        return openRecordLayer(RekeyPolicy.DEFAULT, System::nanoTime);
    }
}
