package io.ngisec.protocol.identity;

import io.ngisec.protocol.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ngisec.protocol.identity.Fixtures.Ext;
import io.ngisec.protocol.identity.IdentityException.Reason;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;

class CertificateVerifierTest {

    private static final Duration SKEW = IdentityTunables.ALLOWED_CLOCK_SKEW;

    private final MutableClock clock = new MutableClock(Fixtures.NOW);
    private final OrgCa ca = Fixtures.ca(clock);
    private final RevocationList revoked = new RevocationList();
    private final CertificateVerifier verifier = new CertificateVerifier(ca.certificate(), revoked, clock);
    private final KeyPair deviceKey = Ed25519Keys.generate(Fixtures.RANDOM);
    private final DeviceCertificate cert = ca.issueDevice(Fixtures.alice(), deviceKey.getPublic(), Duration.ofDays(30));

    @Test
    void acceptsAFreshlyIssuedDeviceCertificate() throws Exception {
        assertThat(verifier.verify(cert.encoded()).identity()).isEqualTo(Fixtures.alice());
        assertThat(verifier.verify(cert)).isSameAs(cert);
    }

    @Test
    void acceptsWithinSkewAtBothEnds() throws Exception {
        clock.set(Fixtures.NOW.minus(SKEW));
        assertThat(verifier.verify(cert.encoded())).isEqualTo(cert);

        clock.set(cert.notAfter().plus(SKEW));
        assertThat(verifier.verify(cert.encoded())).isEqualTo(cert);
    }

    @Test
    void expiredBeyondSkew() {
        clock.set(cert.notAfter().plus(SKEW).plusSeconds(1));

        assertReason(() -> verifier.verify(cert.encoded()), Reason.EXPIRED);
    }

    @Test
    void notYetValidBeyondSkew() {
        clock.set(Fixtures.NOW.minus(SKEW).minusSeconds(1));

        assertReason(() -> verifier.verify(cert), Reason.NOT_YET_VALID);
    }

    @Test
    void revokedBySerial() {
        revoked.revokeSerial(cert.serial());

        assertReason(() -> verifier.verify(cert.encoded()), Reason.REVOKED);
    }

    @Test
    void revokedByDeviceIdCoversEveryCertificateOfTheDevice() {
        DeviceCertificate renewed = ca.issueDevice(Fixtures.alice(), deviceKey.getPublic(), Duration.ofDays(60));
        revoked.revokeDevice(Fixtures.ALICE_LAPTOP);

        assertReason(() -> verifier.verify(cert.encoded()), Reason.REVOKED);
        assertReason(() -> verifier.verify(renewed.encoded()), Reason.REVOKED);
    }

    @Test
    void revokingAnotherDeviceLeavesThisOneValid() throws Exception {
        revoked.revokeDevice(Fixtures.BOB_PHONE);

        assertThat(verifier.verify(cert.encoded())).isEqualTo(cert);
    }

    @Test
    void certificateOfAForeignCaIsUntrusted() {
        OrgCa foreign = Fixtures.ca(clock);
        DeviceCertificate alien = foreign.issueDevice(Fixtures.alice(), deviceKey.getPublic(), Duration.ofDays(30));

        // Same organization name, so only the signature tells them apart.
        assertThat(foreign.certificate().subject()).isEqualTo(ca.certificate().subject());
        assertReason(() -> verifier.verify(alien.encoded()), Reason.UNTRUSTED);
    }

    @Test
    void ticketSignerPresentedAsDeviceIsTheWrongRole() {
        TicketSignerCertificate signer = ca.issueTicketSigner(deviceKey.getPublic(), Duration.ofDays(30));

        assertReason(() -> verifier.verify(signer.encoded()), Reason.WRONG_ROLE);
    }

    @Test
    void devicePresentedAsTicketSignerIsTheWrongRole() {
        assertReason(() -> verifier.verifyTicketSigner(cert.encoded()), Reason.WRONG_ROLE);
    }

    @Test
    void caCertificatePresentedAsDeviceIsTheWrongRole() {
        assertReason(() -> verifier.verify(ca.certificate().encoded()), Reason.WRONG_ROLE);
    }

    @Test
    void ticketSignerIsAcceptedAsTicketSignerAndCanBeRevoked() throws Exception {
        TicketSignerCertificate signer = ca.issueTicketSigner(deviceKey.getPublic(), Duration.ofDays(30));

        assertThat(verifier.verifyTicketSigner(signer.encoded())).isEqualTo(signer);
        assertThat(verifier.verifyTicketSigner(signer.encoded()).keyId()).isEqualTo(KeyId.of(deviceKey.getPublic()));

        revoked.revokeSerial(signer.serial());
        assertReason(() -> verifier.verifyTicketSigner(signer.encoded()), Reason.REVOKED);
    }

    @Test
    void caSignedCertificateWithoutTheIdentityExtensionIsMalformed() throws Exception {
        byte[] der = forgeEndEntity(new Ext(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature)));

        assertReason(() -> verifier.verify(der), Reason.MALFORMED);
    }

    @Test
    void caSignedCertificateWithAGarbledIdentityExtensionIsMalformed() throws Exception {
        byte[] der = forgeEndEntity(
                new Ext(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature)),
                new Ext(IdentitySpec.DEVICE_IDENTITY_EXTENSION, false, new DERSequence(new DEROctetString(new byte[3]))));

        assertReason(() -> verifier.verify(der), Reason.MALFORMED);
    }

    @Test
    void caSignedCertificateWithAnUnknownCriticalExtensionIsMalformed() throws Exception {
        byte[] der = forgeEndEntity(
                new Ext(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature)),
                new Ext(IdentitySpec.DEVICE_IDENTITY_EXTENSION, false,
                        ASN1Primitive.fromByteArray(DeviceIdentityExtension.encode(Fixtures.alice()))),
                new Ext(IdentitySpec.NGISEC_ARC.branch("99"), true, new DEROctetString(new byte[1])));

        assertReason(() -> verifier.verify(der), Reason.MALFORMED);
    }

    @Test
    void caSignedEndEntityClaimingToBeACaIsMalformed() throws Exception {
        byte[] der = forgeEndEntity(
                new Ext(Extension.basicConstraints, true, new BasicConstraints(true)),
                new Ext(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature)),
                new Ext(IdentitySpec.DEVICE_IDENTITY_EXTENSION, false,
                        ASN1Primitive.fromByteArray(DeviceIdentityExtension.encode(Fixtures.alice()))));

        assertReason(() -> verifier.verify(der), Reason.MALFORMED);
    }

    @Test
    void deviceCertificateIsRefusedOnceTheCaItselfExpired() throws Exception {
        MutableClock early = new MutableClock(Fixtures.NOW);
        OrgCa shortCa = OrgCa.create("Brief", Duration.ofDays(10), early, Fixtures.RANDOM);
        DeviceCertificate device = shortCa.issueDevice(Fixtures.alice(), deviceKey.getPublic(), Duration.ofDays(5));
        CertificateVerifier v = new CertificateVerifier(shortCa.certificate(), RevocationChecker.NONE, early);

        early.set(shortCa.certificate().notAfter().plus(SKEW).plusSeconds(1));

        assertReason(() -> v.verify(device.encoded()), Reason.EXPIRED);
    }

    @Test
    void noSingleBitFlipOfACertificateVerifies() {
        byte[] der = cert.encoded();
        int accepted = 0;
        for (int i = 0; i < der.length * 8; i++) {
            byte[] flipped = der.clone();
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

    @Test
    void berBooleanInACriticalFlagIsMalformedNotTrusted() {
        byte[] der = cert.encoded();
        int at = indexOf(der, new byte[] {0x01, 0x01, (byte) 0xff}) + 2;
        der[at] = 0x01; // BER accepts any non-zero TRUE, DER only 0xFF; the signature covers the DER form

        assertReason(() -> verifier.verify(der), Reason.MALFORMED);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }

    private byte[] forgeEndEntity(Ext... extensions) throws Exception {
        X500Name issuer = X500Name.getInstance(OrgCaTest.jdk(ca.certificate().encoded())
                .getSubjectX500Principal().getEncoded());
        PrivateKey caKey = Ed25519Keys.privateKeyFromPkcs8(ca.exportPrivateKeyPkcs8());
        Instant from = Fixtures.NOW;
        return Fixtures.forge(issuer, caKey, new X500Name("O=Acme,CN=mallory"), deviceKey.getPublic(), from,
                from.plus(Duration.ofDays(1)), extensions);
    }

    static void assertReason(ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(IdentityException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
