package io.ngisec.protocol.handshake;

import io.ngisec.protocol.handshake.HandshakeFailure.Reason;
import io.ngisec.protocol.record.PacketType;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
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
    private final HandshakeCore core;
    private State state = State.NEW;
    private long remoteConnectionId;

    /** @param localConnectionId the nonzero id the initiator will put in records to us */
    public HandshakeResponder(LocalCredentials local, PeerVerifier verifier, long localConnectionId,
            SecureRandom random, LongSupplier nanoTime) {
        this.local = local;
        this.verifier = verifier;
        this.core = new HandshakeCore(false, local, localConnectionId, random, nanoTime);
    }

    /** Reads an INIT datagram and returns the RESPONSE datagram to send back. */
    public byte[] onInit(ByteBuffer datagram) throws HandshakeFailure {
        if (state != State.NEW) {
            throw new HandshakeFailure(Reason.UNEXPECTED_MESSAGE, "INIT already answered (" + state + ")");
        }
        core.markStart();
        try {
            remoteConnectionId = InitPayload.parse(core.read(datagram, PacketType.HANDSHAKE_INIT)).initiatorConnectionId();
            if (remoteConnectionId == 0) {
                throw new HandshakeFailure(Reason.MALFORMED, "initiator connection id 0");
            }
            byte[] response = core.write(PacketType.HANDSHAKE_RESPONSE, remoteConnectionId,
                    new ResponsePayload(core.localConnectionId(), local.certificate().encoded()).encode());
            state = State.AWAIT_FINISH;
            return response;
        } catch (HandshakeFailure e) {
            // A responder is made per INIT, so there is no genuine INIT left to wait for.
            state = State.FAILED;
            core.abandon();
            throw e;
        }
    }

    /** Checks the initiator's FINISH datagram; on success the established session's keys and peer. */
    public HandshakeResult onFinish(ByteBuffer datagram) throws HandshakeFailure {
        if (state != State.AWAIT_FINISH) {
            throw new HandshakeFailure(Reason.UNEXPECTED_MESSAGE, "not waiting for FINISH (" + state + ")");
        }
        byte[] payload = core.read(datagram, PacketType.HANDSHAKE_FINISH); // on failure: still waiting
        try {
            FinishPayload finish = FinishPayload.parse(payload);
            HandshakeCore.Peer peer = core.authenticate(verifier, finish.certificate(), finish.ticket(),
                    local.certificate().deviceId());
            HandshakeResult result = core.finish(remoteConnectionId, peer);
            state = State.ESTABLISHED;
            return result;
        } catch (HandshakeFailure e) {
            state = State.FAILED;
            core.abandon();
            throw e;
        }
    }
}
