package io.ngisec.protocol.handshake;

import io.ngisec.protocol.handshake.HandshakeFailure.Reason;
import io.ngisec.protocol.identity.SignedTicket;
import io.ngisec.protocol.record.PacketType;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
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
    private final HandshakeCore core;
    private State state = State.NEW;

    /**
     * @param ticket the policy server's ticket for this initiator and the intended responder
     * @param localConnectionId the nonzero id the responder will put in records to us
     */
    public HandshakeInitiator(LocalCredentials local, SignedTicket ticket, PeerVerifier verifier,
            long localConnectionId, SecureRandom random, LongSupplier nanoTime) {
        this.local = local;
        this.ticket = ticket;
        this.verifier = verifier;
        this.core = new HandshakeCore(true, local, localConnectionId, random, nanoTime);
    }

    /** The INIT datagram. */
    public byte[] start() {
        if (state != State.NEW) {
            throw new IllegalStateException("handshake already started");
        }
        core.markStart();
        try {
            byte[] init = core.write(PacketType.HANDSHAKE_INIT, 0, new InitPayload(core.localConnectionId()).encode());
            state = State.AWAIT_RESPONSE;
            return init;
        } catch (HandshakeFailure e) {
            throw new IllegalStateException("cannot write INIT", e);
        }
    }

    /** Checks the responder's RESPONSE datagram; on success the FINISH datagram to send and the session's result. */
    public Established onResponse(ByteBuffer datagram) throws HandshakeFailure {
        if (state != State.AWAIT_RESPONSE) {
            throw new HandshakeFailure(Reason.UNEXPECTED_MESSAGE, "not waiting for a response (" + state + ")");
        }
        byte[] payload = core.read(datagram, PacketType.HANDSHAKE_RESPONSE); // on failure: still waiting
        try {
            ResponsePayload response = ResponsePayload.parse(payload);
            HandshakeCore.Peer peer = core.authenticate(verifier, response.certificate(), ticket.encoded(),
                    local.certificate().deviceId());
            byte[] finish = core.write(PacketType.HANDSHAKE_FINISH, response.responderConnectionId(),
                    new FinishPayload(local.certificate().encoded(), ticket.encoded()).encode());
            HandshakeResult result = core.finish(response.responderConnectionId(), peer);
            state = State.ESTABLISHED;
            return new Established(finish, result);
        } catch (HandshakeFailure e) {
            state = State.FAILED;
            core.abandon();
            throw e;
        }
    }

    /** The initiator's outcome: the FINISH datagram to send, and the established session's keys and peer. */
    public record Established(byte[] finishDatagram, HandshakeResult result) {
    }
}
