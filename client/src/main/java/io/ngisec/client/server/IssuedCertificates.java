package io.ngisec.client.server;

import io.ngisec.client.identity.DeviceKeys;
import io.ngisec.protocol.identity.CertificateVerifier;
import io.ngisec.protocol.identity.DeviceCertificate;
import io.ngisec.protocol.identity.Ed25519Keys;
import io.ngisec.protocol.identity.Fingerprint;
import io.ngisec.protocol.identity.IdentityException;
import io.ngisec.protocol.identity.OrgCaCertificate;
import io.ngisec.protocol.identity.RevocationChecker;
import io.ngisec.protocol.identity.TicketSignerCertificate;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks what the policy server issues before the device keeps it: the CA certificate has the
 * pinned fingerprint, the device certificate is signed by that CA, valid now and binds exactly
 * this device's signing and Noise public keys, and the ticket signers are the CA's. Each check
 * throws IllegalArgumentException with a one-line reason.
 */
final class IssuedCertificates {

    private IssuedCertificates() {
    }

    static OrgCaCertificate pinnedCa(byte[] der, Fingerprint pin) {
        if (!pin.matches(der)) {
            throw new IllegalArgumentException("a CA certificate other than the one pinned by the invite");
        }
        try {
            return OrgCaCertificate.parse(der);
        } catch (IdentityException e) {
            throw new IllegalArgumentException("a CA certificate that is not one: " + e.getMessage());
        }
    }

    static DeviceCertificate deviceCertificate(OrgCaCertificate ca, byte[] der, DeviceKeys keys, Clock clock) {
        DeviceCertificate certificate;
        try {
            certificate = new CertificateVerifier(ca, RevocationChecker.NONE, clock).verify(der);
        } catch (IdentityException e) {
            throw new IllegalArgumentException("a device certificate this device cannot use: " + e.getMessage());
        }
        if (!MessageDigest.isEqual(Ed25519Keys.raw(certificate.publicKey()), Ed25519Keys.raw(keys.signing().getPublic()))) {
            throw new IllegalArgumentException("a device certificate for another signing key");
        }
        if (!certificate.identity().hasNoiseStaticKey(keys.noise().publicKey())) {
            throw new IllegalArgumentException("a device certificate for another Noise key");
        }
        return certificate;
    }

    static List<TicketSignerCertificate> ticketSigners(OrgCaCertificate ca, List<byte[]> ders, Clock clock) {
        CertificateVerifier verifier = new CertificateVerifier(ca, RevocationChecker.NONE, clock);
        List<TicketSignerCertificate> signers = new ArrayList<>();
        for (byte[] der : ders) {
            try {
                signers.add(verifier.verifyTicketSigner(der));
            } catch (IdentityException e) {
                throw new IllegalArgumentException("a ticket signer this device cannot trust: " + e.getMessage());
            }
        }
        if (signers.isEmpty()) {
            throw new IllegalArgumentException("no ticket signer");
        }
        return signers;
    }
}
