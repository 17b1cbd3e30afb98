package io.ngisec.protocol.identity;

import io.ngisec.protocol.testing.MutableClock;
import static io.ngisec.protocol.identity.CertificateVerifierTest.assertReason;
import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.protocol.identity.IdentityException.Reason;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TicketVerifierTest {

    private static final Duration SKEW = IdentityTunables.ALLOWED_CLOCK_SKEW;

    private final MutableClock clock = new MutableClock(Fixtures.NOW);
    private final OrgCa ca = Fixtures.ca(clock);
    private final KeyPair signerKey = Ed25519Keys.generate(Fixtures.RANDOM);
    private final TicketSigner signer = signer(signerKey, Duration.ofDays(30));
    private final TicketVerifier verifier = new TicketVerifier(List.of(signer.certificate()), clock);

    @Test
    void acceptsASignedTicketForItsPair() throws Exception {
        SignedTicket signed = signer.sign(ticket(Duration.ofHours(1)));

        assertThat(verifier.verify(signed)).isEqualTo(signed.ticket());
        assertThat(verifier.verify(signed.encoded())).isEqualTo(signed.ticket());
        assertThat(verifier.verifyFor(signed, Fixtures.ALICE_LAPTOP, Fixtures.BOB_PHONE)).isEqualTo(signed.ticket());
    }

    @Test
    void signerVerifiedThroughTheCertificateVerifierIsUsable() throws Exception {
        TicketSignerCertificate checked = new CertificateVerifier(ca.certificate(), RevocationChecker.NONE, clock)
                .verifyTicketSigner(signer.certificate().encoded());
        TicketVerifier v = new TicketVerifier(List.of(checked), clock);
        SignedTicket signed = signer.sign(ticket(Duration.ofHours(1)));

        assertThat(v.verify(signed.encoded())).isEqualTo(signed.ticket());
    }

    @Test
    void tamperedBodyHasABadSignature() throws Exception {
        byte[] wire = signer.sign(ticket(Duration.ofHours(1))).encoded();
        wire[5] ^= 0x01;       // inside the ticket id: still parses
        wire[83] = 1;          // CALL ceiling lowered to BULK: still parses

        assertReason(() -> verifier.verify(wire), Reason.BAD_SIGNATURE);
    }

    @Test
    void tamperedSignatureIsBad() {
        byte[] wire = signer.sign(ticket(Duration.ofHours(1))).encoded();
        wire[wire.length - 10] ^= 0x40;

        assertReason(() -> verifier.verify(wire), Reason.BAD_SIGNATURE);
    }

    @Test
    void signatureWithoutTheDomainPrefixIsBad() throws Exception {
        SessionTicket t = ticket(Duration.ofHours(1));
        byte[] body = TicketCodec.encode(t);
        SignedTicket naked = new SignedTicket(t, body, Ed25519Keys.sign(signerKey.getPrivate(), new byte[0], body));

        assertReason(() -> verifier.verify(naked), Reason.BAD_SIGNATURE);
    }

    @Test
    void unknownSignerKey() {
        KeyPair otherKey = Ed25519Keys.generate(Fixtures.RANDOM);
        TicketSigner other = signer(otherKey, Duration.ofDays(30));
        SignedTicket signed = other.sign(SessionTicket.issue(Fixtures.RANDOM, Fixtures.ALICE_LAPTOP,
                Fixtures.BOB_PHONE, clock.instant(), Duration.ofHours(1), Fixtures.grants(), 0, other.keyId()));

        assertReason(() -> verifier.verify(signed), Reason.UNKNOWN_SIGNER);
    }

    @Test
    void ticketIssuedAfterTheSignerCertificateExpiredHasNoSigner() {
        TicketSigner shortLived = signer(signerKey, Duration.ofHours(1));
        TicketVerifier v = new TicketVerifier(List.of(shortLived.certificate()), clock);
        clock.advance(Duration.ofHours(2));

        SignedTicket signed = shortLived.sign(ticket(Duration.ofHours(1)));

        assertReason(() -> v.verify(signed), Reason.UNKNOWN_SIGNER);
    }

    @Test
    void expiredBeyondSkew() {
        SignedTicket signed = signer.sign(ticket(Duration.ofHours(1)));

        clock.set(signed.ticket().expiresAt().plus(SKEW).minusSeconds(1));
        assertThat(verifierAccepts(signed)).isTrue();

        clock.set(signed.ticket().expiresAt().plus(SKEW));
        assertReason(() -> verifier.verify(signed), Reason.TICKET_EXPIRED);
    }

    @Test
    void issuedInTheFutureBeyondSkew() {
        clock.advance(SKEW.plusSeconds(1));
        SignedTicket signed = signer.sign(ticket(Duration.ofHours(1)));
        clock.set(Fixtures.NOW);

        assertReason(() -> verifier.verify(signed), Reason.TICKET_NOT_YET_VALID);
    }

    @Test
    void issuedSlightlyInTheFutureWithinSkewIsAccepted() {
        clock.advance(SKEW);
        SignedTicket signed = signer.sign(ticket(Duration.ofHours(1)));
        clock.set(Fixtures.NOW);

        assertThat(verifierAccepts(signed)).isTrue();
    }

    @Test
    void unexpiredButOlderThanTheMaximumAgeIsStale() {
        SignedTicket signed = signer.sign(ticket(IdentitySpec.MAX_TICKET_LIFETIME));

        clock.advance(IdentityTunables.DEFAULT_MAX_TICKET_AGE.plus(SKEW).plusSeconds(1));

        assertReason(() -> verifier.verify(signed), Reason.TICKET_STALE);
    }

    @Test
    void verifierWithAShorterMaximumAgeCallsTicketsStaleSooner() {
        TicketVerifier strict = new TicketVerifier(List.of(signer.certificate()), clock, Duration.ofMinutes(10),
                Duration.ZERO);
        SignedTicket signed = signer.sign(ticket(Duration.ofHours(1)));

        clock.advance(Duration.ofMinutes(11));

        assertReason(() -> strict.verify(signed), Reason.TICKET_STALE);
        assertThat(verifierAccepts(signed)).isTrue();
    }

    @Test
    void wrongPeerOrWrongDirection() {
        SignedTicket signed = signer.sign(ticket(Duration.ofHours(1)));
        DeviceId mallory = DeviceId.random();

        assertReason(() -> verifier.verifyFor(signed, mallory, Fixtures.BOB_PHONE), Reason.WRONG_PEER);
        assertReason(() -> verifier.verifyFor(signed, Fixtures.ALICE_LAPTOP, mallory), Reason.WRONG_PEER);
        assertReason(() -> verifier.verifyFor(signed, Fixtures.BOB_PHONE, Fixtures.ALICE_LAPTOP), Reason.WRONG_PEER);
    }

    @Test
    void renewedSignerCertificateForTheSameKeyIsFound() throws Exception {
        TicketSigner old = signer(signerKey, Duration.ofHours(1));
        clock.advance(Duration.ofHours(2));
        TicketSigner renewed = signer(signerKey, Duration.ofDays(1));
        TicketVerifier v = new TicketVerifier(List.of(old.certificate(), renewed.certificate()), clock);

        SignedTicket signed = renewed.sign(ticket(Duration.ofHours(1)));

        assertThat(v.verify(signed)).isEqualTo(signed.ticket());
    }

    @Test
    void noSingleBitFlipOfATicketVerifies() {
        byte[] wire = signer.sign(ticket(Duration.ofHours(1))).encoded();
        int accepted = 0;
        for (int i = 0; i < wire.length * 8; i++) {
            byte[] flipped = wire.clone();
            flipped[i / 8] ^= (byte) (1 << (i % 8));
            try {
                verifier.verify(flipped);
                accepted++;
            } catch (IdentityException e) {
                // expected for every flip
            }
        }
        assertThat(accepted).isZero();
    }

    private boolean verifierAccepts(SignedTicket signed) {
        try {
            verifier.verify(signed);
            return true;
        } catch (IdentityException e) {
            return false;
        }
    }

    private SessionTicket ticket(Duration lifetime) {
        return SessionTicket.issue(Fixtures.RANDOM, Fixtures.ALICE_LAPTOP, Fixtures.BOB_PHONE, clock.instant(),
                lifetime, Fixtures.grants(), 0, signer.keyId());
    }

    private TicketSigner signer(KeyPair key, Duration validity) {
        return new TicketSigner(key.getPrivate(), ca.issueTicketSigner(key.getPublic(), validity));
    }
}
