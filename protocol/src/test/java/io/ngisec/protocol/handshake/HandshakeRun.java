package io.ngisec.protocol.handshake;

import java.nio.ByteBuffer;

/** Drives one initiator and one responder through the three messages, as a test or benchmark would. */
final class HandshakeRun {

    final HandshakeInitiator initiator;
    final HandshakeResponder responder;

    HandshakeRun(LocalCredentials alice, PeerVerifier aliceVerifier, io.ngisec.protocol.identity.SignedTicket ticket,
            LocalCredentials bob, PeerVerifier bobVerifier) {
        initiator = new HandshakeInitiator(alice, ticket, aliceVerifier, 0x1111_1111_1111_1111L, TestOrganization.RANDOM, System::nanoTime);
        responder = new HandshakeResponder(bob, bobVerifier, 0x2222_2222_2222_2222L, TestOrganization.RANDOM, System::nanoTime);
    }

    /** Both results, initiator's first; throws the first side's failure. */
    HandshakeResult[] complete() throws HandshakeFailure {
        byte[] response = responder.onInit(ByteBuffer.wrap(initiator.start()));
        HandshakeInitiator.Established established = initiator.onResponse(ByteBuffer.wrap(response));
        HandshakeResult bobResult = responder.onFinish(ByteBuffer.wrap(established.finishDatagram()));
        return new HandshakeResult[] {established.result(), bobResult};
    }
}
