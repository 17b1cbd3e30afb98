package io.ngisec.protocol.handshake;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.protocol.identity.SignedTicket;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** A seeded organization is the same in every process, which the netlab peers rely on. */
class TestOrganizationTest {

    @Test
    void sameSeedGivesTheSameCredentialsAndTicket() {
        TestOrganization first = TestOrganization.seeded("Acme", 42);
        TestOrganization second = TestOrganization.seeded("Acme", 42);
        LocalCredentials alice1 = first.enroll("alice");
        LocalCredentials bob1 = first.enroll("bob");
        LocalCredentials alice2 = second.enroll("alice");
        LocalCredentials bob2 = second.enroll("bob");

        assertThat(alice2.certificate().encoded()).isEqualTo(alice1.certificate().encoded());
        assertThat(bob2.noiseStatic().privateKey()).isEqualTo(bob1.noiseStatic().privateKey());
        SignedTicket t1 = first.ticket(alice1, bob1);
        SignedTicket t2 = second.ticket(alice2, bob2);
        assertThat(t2.encoded()).isEqualTo(t1.encoded());
    }

    @Test
    void otherSeedGivesOtherKeys() {
        LocalCredentials a = TestOrganization.seeded("Acme", 1).enroll("alice");
        LocalCredentials b = TestOrganization.seeded("Acme", 2).enroll("alice");
        assertThat(b.noiseStatic().publicKey()).isNotEqualTo(a.noiseStatic().publicKey());
        assertThat(b.certificate().deviceId()).isNotEqualTo(a.certificate().deviceId());
    }

    @Test
    void peersOfOneSeededOrganizationInTwoInstancesCompleteTheHandshake() throws Exception {
        // Alice's process and bob's process each build the organization; neither sees the other's objects.
        TestOrganization aliceSide = TestOrganization.seeded("Acme", 7);
        LocalCredentials alice = aliceSide.enroll("alice");
        LocalCredentials bobAsSeenByAlice = aliceSide.enroll("bob");
        TestOrganization bobSide = TestOrganization.seeded("Acme", 7);
        bobSide.enroll("alice");
        LocalCredentials bob = bobSide.enroll("bob");

        HandshakeInitiator initiator = new HandshakeInitiator(alice, aliceSide.ticket(alice, bobAsSeenByAlice),
                aliceSide.verifier(), 1, TestOrganization.RANDOM, System::nanoTime);
        HandshakeResponder responder = new HandshakeResponder(bob, bobSide.verifier(), 2, TestOrganization.RANDOM,
                System::nanoTime);
        byte[] response = responder.onInit(ByteBuffer.wrap(initiator.start()));
        HandshakeInitiator.Established done = initiator.onResponse(ByteBuffer.wrap(response));
        HandshakeResult bobResult = responder.onFinish(ByteBuffer.wrap(done.finishDatagram()));

        assertThat(done.result().peer().deviceId()).isEqualTo(bob.certificate().deviceId());
        assertThat(bobResult.peer().deviceId()).isEqualTo(alice.certificate().deviceId());
    }
}
