package io.ngisec.protocol.handshake;

import io.ngisec.protocol.handshake.HandshakeFailure.Reason;
import io.ngisec.protocol.identity.DeviceCertificate;
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
 * The responder's side of one NGISec handshake (docs/protocol.md, section 4): answers an INIT with
 * its certificate, then checks the initiator's certificate and ticket in FINISH. Single use and
 * not thread safe.
 *
 * <p>A FINISH that fails Noise authentication is dropped and the responder keeps waiting; one that
 * authenticates but fails a check ends the handshake (FAILED).
 */
public final class HandshakeResponder {

    private enum State { NEW, AWAIT_FINISH, ESTABLISHED, FAILED }

    private final LocalCredentials local;
    private final PeerVerifier verifier;
    private final long localConnectionId;
    private final LongSupplier nanoTime;
    private final HandshakeState noise;
    private State state = State.NEW;
    private long startedAt;
    private long remoteConnectionId;

    /** @param localConnectionId the nonzero id the initiator will put in records to us */
    public HandshakeResponder(LocalCredentials local, PeerVerifier verifier, long localConnectionId,
            SecureRandom random, LongSupplier nanoTime) {
        if (localConnectionId == 0) {
            throw new IllegalArgumentException("connection id 0 is reserved for INIT");
        }
        this.local = local;
        this.verifier = verifier;
        this.localConnectionId = localConnectionId;
        this.nanoTime = nanoTime;
        this.noise = NoiseSetup.start(false, local.noiseStatic(), random);
    }

    /** Reads an INIT datagram and returns the RESPONSE datagram to send back. */
    public byte[] onInit(ByteBuffer datagram) throws HandshakeFailure {
        if (state != State.NEW) {
            throw new HandshakeFailure(Reason.UNEXPECTED_MESSAGE, "INIT already answered (" + state + ")");
        }
        startedAt = nanoTime.getAsLong();
        try {
            byte[] payload = noise.readMessage(HandshakePacket.unframe(datagram, PacketType.HANDSHAKE_INIT, 0));
            remoteConnectionId = InitPayload.parse(payload).initiatorConnectionId();
            if (remoteConnectionId == 0) {
                throw new HandshakeFailure(Reason.MALFORMED, "initiator connection id 0");
            }
            byte[] message = noise.writeMessage(
                    new ResponsePayload(localConnectionId, local.certificate().encoded()).encode());
            state = State.AWAIT_FINISH;
            return HandshakePacket.frame(PacketType.HANDSHAKE_RESPONSE, remoteConnectionId, message);
        } catch (NoiseException e) {
            fail();
            throw Failures.from(e);
        } catch (HandshakeFailure e) {
            fail();
            throw e;
        }
    }

    /** Checks the initiator's FINISH datagram; on success the established session's keys and peer. */
    public HandshakeResult onFinish(ByteBuffer datagram) throws HandshakeFailure {
        if (state != State.AWAIT_FINISH) {
            throw new HandshakeFailure(Reason.UNEXPECTED_MESSAGE, "not waiting for FINISH (" + state + ")");
        }
        byte[] payload;
        try {
            payload = noise.readMessage(HandshakePacket.unframe(datagram, PacketType.HANDSHAKE_FINISH, localConnectionId));
        } catch (NoiseException e) {
            throw Failures.from(e); // noise state unchanged: still waiting
        }
        try {
            return finish(FinishPayload.parse(payload));
        } catch (HandshakeFailure e) {
            fail();
            throw e;
        }
    }

    private HandshakeResult finish(FinishPayload finish) throws HandshakeFailure {
        DeviceCertificate peer;
        SessionTicket ticket;
        try {
            peer = verifier.verifyCertificate(finish.certificate());
            ticket = verifier.verifyTicket(finish.ticket(), peer.deviceId(), local.certificate().deviceId());
        } catch (IdentityException e) {
            throw Failures.from(e);
        }
        if (!peer.identity().hasNoiseStaticKey(noise.remoteStaticPublicKey())) {
            throw new HandshakeFailure(Reason.KEY_MISMATCH, "initiator's certificate is for another Noise key");
        }
        byte[] hash = noise.handshakeHash();
        try {
            SplitKeys keys = noise.split();
            try {
                state = State.ESTABLISHED;
                return new HandshakeResult(false, localConnectionId, remoteConnectionId,
                        keys.responderToInitiator(), keys.initiatorToResponder(), peer, ticket, hash,
                        Duration.ofNanos(nanoTime.getAsLong() - startedAt));
            } finally {
                keys.destroy();
                noise.destroy();
            }
        } catch (NoiseException e) {
            throw Failures.from(e);
        }
    }

    private void fail() {
        state = State.FAILED;
        noise.destroy();
    }
}
