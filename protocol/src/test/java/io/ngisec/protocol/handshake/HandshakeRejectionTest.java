package io.ngisec.protocol.handshake;

import static io.ngisec.protocol.handshake.HandshakeTest.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.protocol.handshake.HandshakeFailure.Reason;
import io.ngisec.protocol.identity.DeviceCertificate;
import io.ngisec.protocol.identity.DeviceId;
import io.ngisec.protocol.identity.IdentityException;
import io.ngisec.protocol.identity.SessionTicket;
import io.ngisec.protocol.identity.SignedTicket;
import io.ngisec.protocol.noise.DhKeyPair;
import io.ngisec.protocol.noise.HandshakeState;
import io.ngisec.protocol.record.PacketType;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Each way a peer can be wrong, and the reason the honest side reports. */
class HandshakeRejectionTest {

    private final TestOrganization org = new TestOrganization("Acme");
    private final LocalCredentials alice = org.enroll("alice");
    private final LocalCredentials bob = org.enroll("bob");

    @Test
    void initiatorRefusesAnExpiredResponderCertificate() {
        LocalCredentials shortLived = org.enroll("bob", Duration.ofHours(1));
        org.clock.advance(Duration.ofHours(2));
        assertThat(initiatorFailure(org.ticket(alice, shortLived), shortLived)).isEqualTo(Reason.CERT_EXPIRED);
    }

    @Test
    void responderRefusesAnExpiredInitiatorCertificate() {
        LocalCredentials shortLived = org.enroll("alice", Duration.ofHours(1));
        org.clock.advance(Duration.ofHours(2));
        assertThat(responderFailure(shortLived, org.ticket(shortLived, bob))).isEqualTo(Reason.CERT_EXPIRED);
    }

    @Test
    void responderRefusesARevokedInitiator() {
        org.revocations.revokeDevice(alice.certificate().deviceId());
        assertThat(responderFailure(alice, org.ticket(alice, bob))).isEqualTo(Reason.CERT_REVOKED);
    }

    @Test
    void initiatorRefusesARevokedResponder() {
        org.revocations.revokeSerial(bob.certificate().serial());
        assertThat(initiatorFailure(org.ticket(alice, bob), bob)).isEqualTo(Reason.CERT_REVOKED);
    }

    @Test
    void responderRefusesADeviceOfAnotherOrganization() {
        TestOrganization other = new TestOrganization("Evil Corp");
        LocalCredentials mallory = other.enroll("mallory");
        // Mallory even holds a ticket of Acme's for the pair: the certificate alone must stop her.
        SignedTicket ticket = org.signer.sign(SessionTicket.issue(TestOrganization.RANDOM,
                mallory.certificate().deviceId(), bob.certificate().deviceId(), org.clock.instant(),
                Duration.ofHours(1), TestOrganization.GRANTS, 0, org.signer.keyId()));
        assertThat(responderFailure(mallory, ticket)).isEqualTo(Reason.CERT_UNTRUSTED);
    }

    @Test
    void initiatorRefusesADeviceOfAnotherOrganization() {
        LocalCredentials foreignBob = new TestOrganization("Evil Corp").enroll("bob");
        assertThat(initiatorFailure(org.ticket(alice, foreignBob), foreignBob)).isEqualTo(Reason.CERT_UNTRUSTED);
    }

    @Test
    void initiatorRefusesAResponderOtherThanTheTicketNames() {
        LocalCredentials carol = org.enroll("carol");
        assertThat(initiatorFailure(org.ticket(alice, carol), bob)).isEqualTo(Reason.WRONG_PEER);
    }

    @Test
    void responderRefusesATicketForAnotherPair() {
        LocalCredentials carol = org.enroll("carol");
        assertThat(responderFailure(alice, org.ticket(alice, carol))).isEqualTo(Reason.WRONG_PEER);
        assertThat(responderFailure(alice, org.ticket(bob, alice))).isEqualTo(Reason.WRONG_PEER);
    }

    @Test
    void bothSidesRefuseAnExpiredTicket() {
        SignedTicket ticket = org.ticket(alice, bob, Duration.ofMinutes(10));
        org.clock.advance(Duration.ofMinutes(20));
        assertThat(initiatorFailure(ticket, bob)).isEqualTo(Reason.TICKET_EXPIRED);
        assertThat(responderFailure(alice, ticket)).isEqualTo(Reason.TICKET_EXPIRED);
    }

    @Test
    void responderRefusesATicketFromAnotherOrganizationsSigner() {
        TestOrganization other = new TestOrganization("Evil Corp");
        SignedTicket forged = other.signer.sign(SessionTicket.issue(TestOrganization.RANDOM,
                alice.certificate().deviceId(), bob.certificate().deviceId(), org.clock.instant(),
                Duration.ofHours(1), TestOrganization.GRANTS, 0, other.signer.keyId()));
        assertThat(responderFailure(alice, forged)).isEqualTo(Reason.TICKET_UNKNOWN_SIGNER);
    }

    @Test
    void responderRefusesATicketWithABrokenSignature() throws Exception {
        byte[] wire = org.ticket(alice, bob).encoded();
        wire[wire.length - 1] ^= 1;
        assertThat(responderFailure(alice, SignedTicket.parse(wire))).isEqualTo(Reason.TICKET_BAD_SIGNATURE);
    }

    @Test
    void responderRefusesACertificateForAnotherNoiseKey() throws Exception {
        // Mallory replays Alice's certificate and ticket but can only prove her own Noise key.
        DhKeyPair malloryKey = DhKeyPair.generate(TestOrganization.RANDOM);
        SignedTicket ticket = org.ticket(alice, bob);
        HandshakeResponder responder = new HandshakeResponder(bob, org.verifier(), 7, TestOrganization.RANDOM, System::nanoTime);
        HandshakeState mallory = NoiseSetup.start(true, malloryKey, TestOrganization.RANDOM);

        byte[] response = responder.onInit(ByteBuffer.wrap(HandshakePacket.frame(PacketType.HANDSHAKE_INIT, 0,
                mallory.writeMessage(new InitPayload(9).encode()))));
        mallory.readMessage(HandshakePacket.unframe(ByteBuffer.wrap(response), PacketType.HANDSHAKE_RESPONSE, 9));
        byte[] finish = HandshakePacket.frame(PacketType.HANDSHAKE_FINISH, 7,
                mallory.writeMessage(new FinishPayload(alice.certificate().encoded(), ticket.encoded()).encode()));

        assertThat(failure(() -> responder.onFinish(ByteBuffer.wrap(finish)))).isEqualTo(Reason.KEY_MISMATCH);
    }

    @Test
    void aFailedResponderAcceptsNothingMore() {
        org.revocations.revokeDevice(alice.certificate().deviceId());
        HandshakeRun run = new HandshakeRun(alice, lenient(), org.ticket(alice, bob), bob, org.verifier());
        assertThat(failure(() -> drive(run))).isEqualTo(Reason.CERT_REVOKED);
        assertThat(failure(() -> run.responder.onFinish(ByteBuffer.wrap(new byte[64])))).isEqualTo(Reason.UNEXPECTED_MESSAGE);
    }

    /** The initiator's reason when it talks to {@code responder} holding {@code ticket}. */
    private Reason initiatorFailure(SignedTicket ticket, LocalCredentials responder) {
        HandshakeRun run = new HandshakeRun(alice, org.verifier(), ticket, responder, lenient());
        return failure(() -> {
            byte[] response = run.responder.onInit(ByteBuffer.wrap(run.initiator.start()));
            run.initiator.onResponse(ByteBuffer.wrap(response));
        });
    }

    /** Bob's reason when {@code initiator} presents {@code ticket}; the initiator checks nothing, like an attacker. */
    private Reason responderFailure(LocalCredentials initiator, SignedTicket ticket) {
        HandshakeRun run = new HandshakeRun(initiator, lenient(), ticket, bob, org.verifier());
        return failure(() -> drive(run));
    }

    private static void drive(HandshakeRun run) throws Exception {
        byte[] response = run.responder.onInit(ByteBuffer.wrap(run.initiator.start()));
        byte[] finish = run.initiator.onResponse(ByteBuffer.wrap(response)).finishDatagram();
        run.responder.onFinish(ByteBuffer.wrap(finish));
    }

    /** A verifier that believes everything: the side that uses it plays a careless or hostile peer. */
    private static PeerVerifier lenient() {
        return new PeerVerifier() {
            @Override
            public DeviceCertificate verifyCertificate(byte[] der) throws IdentityException {
                return DeviceCertificate.parse(der);
            }

            @Override
            public SessionTicket verifyTicket(byte[] ticket, DeviceId initiator, DeviceId responder) throws IdentityException {
                return SignedTicket.parse(ticket).ticket();
            }
        };
    }
}
