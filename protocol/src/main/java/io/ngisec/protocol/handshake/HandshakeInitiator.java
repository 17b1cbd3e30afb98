package io.ngisec.protocol.handshake;

import io.ngisec.protocol.handshake.HandshakeFailure.Reason;
import io.ngisec.protocol.identity.DeviceCertificate;
import io.ngisec.protocol.identity.IdentityException;
import io.ngisec.protocol.identity.SessionTicket;
import io.ngisec.protocol.identity.SignedTicket;
import io.ngisec.protocol.noise.HandshakeState;
import io.ngisec.protocol.noise.NoiseException;
import io.ngisec.protocol.noise.SplitKeys;
import io.ngisec.protocol.record.PacketType;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The initiator's side of one NGISec handshake (docs/protocol.md, section 4): sends INIT, checks
 * the RESPONSE, sends FINISH with its certificate and ticket. Single use and not thread safe.
 *
 * <p>A RESPONSE that fails Noise authentication is dropped and the initiator keeps waiting for the
 * genuine one; a RESPONSE that authenticates but fails a check ends the handshake (FAILED).
 */
public final class HandshakeInitiator {

    private enum State { NEW, AWAIT_RESPONSE, ESTABLISHED, FAILED }

    private final LocalCredentials local;
    private final SignedTicket ticket;
    private final PeerVerifier verifier;
    private final long localConnectionId;
    private final LongSupplier nanoTime;
    private final HandshakeState noise;
    private State state = State.NEW;
    private long startedAt;

    /**
     * @param ticket the policy server's ticket for this initiator and the intended responder
     * @param localConnectionId the nonzero id the responder will put in records to us
     */
    public HandshakeInitiator(LocalCredentials local, SignedTicket ticket, PeerVerifier verifier,
            long localConnectionId, SecureRandom random, LongSupplier nanoTime) {
        if (localConnectionId == 0) {
            throw new IllegalArgumentException("connection id 0 is reserved for INIT");
        }
        this.local = local;
        this.ticket = ticket;
        this.verifier = verifier;
        this.localConnectionId = localConnectionId;
        this.nanoTime = nanoTime;
        this.noise = NoiseSetup.start(true, local.noiseStatic(), random);
    }

    /** The INIT datagram. */
    public byte[] start() {
        if (state != State.NEW) {
            throw new IllegalStateException("handshake already started");
        }
        startedAt = nanoTime.getAsLong();
        try {
            byte[] message = noise.writeMessage(new InitPayload(localConnectionId).encode());
            state = State.AWAIT_RESPONSE;
            return HandshakePacket.frame(PacketType.HANDSHAKE_INIT, 0, message);
        } catch (NoiseException e) {
            throw new IllegalStateException("cannot write INIT", e);
        }
    }

    /** Checks the responder's RESPONSE datagram; on success the FINISH datagram to send and the session's result. */
    public Established onResponse(ByteBuffer datagram) throws HandshakeFailure {
        if (state != State.AWAIT_RESPONSE) {
            throw new HandshakeFailure(Reason.UNEXPECTED_MESSAGE, "not waiting for a response (" + state + ")");
        }
        byte[] payload;
        try {
            payload = noise.readMessage(HandshakePacket.unframe(datagram, PacketType.HANDSHAKE_RESPONSE, localConnectionId));
        } catch (NoiseException e) {
            throw Failures.from(e); // noise state unchanged: still waiting
        }
        try {
            return finish(ResponsePayload.parse(payload));
        } catch (HandshakeFailure e) {
            fail();
            throw e;
        }
    }

    private Established finish(ResponsePayload response) throws HandshakeFailure {
        DeviceCertificate peer;
        SessionTicket verifiedTicket;
        try {
            peer = verifier.verifyCertificate(response.certificate());
            verifiedTicket = verifier.verifyTicket(ticket.encoded(), local.certificate().deviceId(), peer.deviceId());
        } catch (IdentityException e) {
            throw Failures.from(e);
        }
        if (!peer.identity().hasNoiseStaticKey(noise.remoteStaticPublicKey())) {
            throw new HandshakeFailure(Reason.KEY_MISMATCH, "responder's certificate is for another Noise key");
        }
        try {
            byte[] message = noise.writeMessage(
                    new FinishPayload(local.certificate().encoded(), ticket.encoded()).encode());
            HandshakeResult result = split(response.responderConnectionId(), peer, verifiedTicket);
            state = State.ESTABLISHED;
            return new Established(
                    HandshakePacket.frame(PacketType.HANDSHAKE_FINISH, response.responderConnectionId(), message), result);
        } catch (NoiseException e) {
            throw Failures.from(e);
        }
    }

    private HandshakeResult split(long remoteConnectionId, DeviceCertificate peer, SessionTicket verifiedTicket)
            throws NoiseException {
        byte[] hash = noise.handshakeHash();
        SplitKeys keys = noise.split();
        try {
            return new HandshakeResult(true, localConnectionId, remoteConnectionId,
                    keys.initiatorToResponder(), keys.responderToInitiator(), peer, verifiedTicket, hash,
                    Duration.ofNanos(nanoTime.getAsLong() - startedAt));
        } finally {
            keys.destroy();
            noise.destroy();
        }
    }

    private void fail() {
        state = State.FAILED;
        noise.destroy();
    }

    /** The initiator's outcome: the FINISH datagram to send, and the established session's keys and peer. */
    public record Established(byte[] finishDatagram, HandshakeResult result) {
    }
}
