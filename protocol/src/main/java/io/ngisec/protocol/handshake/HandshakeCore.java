package io.ngisec.protocol.handshake;

import io.ngisec.protocol.handshake.HandshakeFailure.Reason;
import io.ngisec.protocol.identity.DeviceCertificate;
import io.ngisec.protocol.identity.DeviceId;
import io.ngisec.protocol.identity.IdentityException;
import io.ngisec.protocol.identity.SessionTicket;
import io.ngisec.protocol.noise.HandshakeState;
import io.ngisec.protocol.noise.NoiseException;
import io.ngisec.protocol.noise.SplitKeys;
import io.ngisec.protocol.record.PacketType;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * What both roles of the handshake do alike: frame and read Noise messages, authenticate the peer
 * from its certificate and the ticket, and turn the finished Noise state into a result. Owns the
 * Noise state and erases it when the handshake ends either way. Not thread safe.
 */
final class HandshakeCore {

    private final boolean initiator;
    private final long localConnectionId;
    private final LongSupplier nanoTime;
    private final HandshakeState noise;
    private long startedAt;

    HandshakeCore(boolean initiator, LocalCredentials local, long localConnectionId, SecureRandom random,
            LongSupplier nanoTime) {
        if (localConnectionId == 0) {
            throw new IllegalArgumentException("connection id 0 is reserved for INIT");
        }
        this.initiator = initiator;
        this.localConnectionId = localConnectionId;
        this.nanoTime = nanoTime;
        this.noise = NoiseSetup.start(initiator, local.noiseStatic(), random);
    }

    long localConnectionId() {
        return localConnectionId;
    }

    void markStart() {
        startedAt = nanoTime.getAsLong();
    }

    /** The next Noise message with {@code payload}, framed as a {@code type} datagram to {@code receiverConnectionId}. */
    byte[] write(PacketType type, long receiverConnectionId, byte[] payload) throws HandshakeFailure {
        try {
            return HandshakePacket.frame(type, receiverConnectionId, noise.writeMessage(payload));
        } catch (NoiseException e) {
            throw Failures.from(e);
        }
    }

    /**
     * The payload of a {@code type} datagram addressed to us. A failure here leaves the Noise state
     * as it was, so a forged datagram can be dropped and the genuine one still read.
     */
    byte[] read(ByteBuffer datagram, PacketType type) throws HandshakeFailure {
        long addressedTo = type == PacketType.HANDSHAKE_INIT ? 0 : localConnectionId;
        try {
            return noise.readMessage(HandshakePacket.unframe(datagram, type, addressedTo));
        } catch (NoiseException e) {
            throw Failures.from(e);
        }
    }

    /**
     * The peer, if its certificate verifies, is for the static key it proved in Noise, and the
     * ticket verifies for exactly this pair of devices (initiator first).
     */
    Peer authenticate(PeerVerifier verifier, byte[] peerCertificate, byte[] ticket, DeviceId self)
            throws HandshakeFailure {
        try {
            DeviceCertificate peer = verifier.verifyCertificate(peerCertificate);
            SessionTicket verified = initiator
                    ? verifier.verifyTicket(ticket, self, peer.deviceId())
                    : verifier.verifyTicket(ticket, peer.deviceId(), self);
            if (!peer.identity().hasNoiseStaticKey(noise.remoteStaticPublicKey())) {
                throw new HandshakeFailure(Reason.KEY_MISMATCH, "peer's certificate is for another Noise key");
            }
            return new Peer(peer, verified);
        } catch (IdentityException e) {
            throw Failures.from(e);
        }
    }

    /** Splits the finished Noise state into this side's result and erases it. */
    HandshakeResult finish(long remoteConnectionId, Peer peer) throws HandshakeFailure {
        byte[] hash = noise.handshakeHash();
        try {
            SplitKeys keys = noise.split();
            try {
                byte[] send = initiator ? keys.initiatorToResponder() : keys.responderToInitiator();
                byte[] receive = initiator ? keys.responderToInitiator() : keys.initiatorToResponder();
                return new HandshakeResult(initiator, localConnectionId, remoteConnectionId, send, receive,
                        peer.certificate(), peer.ticket(), hash, Duration.ofNanos(nanoTime.getAsLong() - startedAt));
            } finally {
                keys.destroy();
            }
        } catch (NoiseException e) {
            throw Failures.from(e);
        } finally {
            noise.destroy();
        }
    }

    /** Ends the handshake without a result. */
    void abandon() {
        noise.destroy();
    }

    /** An authenticated peer and the ticket that lets the two devices talk. */
    record Peer(DeviceCertificate certificate, SessionTicket ticket) {
    }
}
