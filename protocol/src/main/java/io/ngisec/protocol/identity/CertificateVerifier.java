package io.ngisec.protocol.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Decides whether a certificate is a valid NGISec certificate of one organization right now:
 * well-formed, signed by the trusted CA, of the expected role, within its validity (and the CA's)
 * give or take {@link IdentityTunables#ALLOWED_CLOCK_SKEW}, and not revoked. Checks run in that
 * order, so the reason reported is the first that applies. Thread safe if its revocation checker is.
 */
public final class CertificateVerifier {

    private final OrgCaCertificate anchor;
    private final RevocationChecker revocation;
    private final Clock clock;
    private final Duration skew;

    /** A verifier trusting {@code anchor}, with the default allowed clock skew. */
    public CertificateVerifier(OrgCaCertificate anchor, RevocationChecker revocation, Clock clock) {
        this(anchor, revocation, clock, IdentityTunables.ALLOWED_CLOCK_SKEW);
    }

    /** A verifier trusting {@code anchor} that tolerates clocks {@code skew} apart. */
    public CertificateVerifier(OrgCaCertificate anchor, RevocationChecker revocation, Clock clock, Duration skew) {
        this.anchor = Objects.requireNonNull(anchor, "anchor");
        this.revocation = Objects.requireNonNull(revocation, "revocation");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (skew.isNegative()) {
            throw new IllegalArgumentException("negative clock skew");
        }
        this.skew = skew;
    }

    /** The trusted CA certificate. */
    public OrgCaCertificate anchor() {
        return anchor;
    }

    /** Parses and verifies a DER device certificate; throws IdentityException saying why it is refused. */
    public DeviceCertificate verify(byte[] der) throws IdentityException {
        ParsedCertificate parsed = ParsedCertificate.parse(der);
        checkTrust(parsed, CertificateRole.DEVICE);
        DeviceCertificate certificate = DeviceCertificate.of(parsed);
        checkRevocation(certificate);
        return certificate;
    }

    /** Verifies an already parsed device certificate; returns it when accepted. */
    public DeviceCertificate verify(DeviceCertificate certificate) throws IdentityException {
        checkTrust(certificate.parsed(), CertificateRole.DEVICE);
        checkRevocation(certificate);
        return certificate;
    }

    /** Parses and verifies a DER ticket-signer certificate, for building a {@link TicketVerifier}. */
    public TicketSignerCertificate verifyTicketSigner(byte[] der) throws IdentityException {
        ParsedCertificate parsed = ParsedCertificate.parse(der);
        checkTrust(parsed, CertificateRole.TICKET_SIGNER);
        TicketSignerCertificate certificate = TicketSignerCertificate.of(parsed);
        checkRevocation(certificate);
        return certificate;
    }

    private void checkTrust(ParsedCertificate parsed, CertificateRole expected) throws IdentityException {
        if (!parsed.issuer().equals(anchor.subjectName()) || !parsed.isSignedBy(anchor.publicKey())) {
            throw new IdentityException(IdentityException.Reason.UNTRUSTED,
                    "not signed by " + anchor.subject());
        }
        if (parsed.role() != expected) {
            throw new IdentityException(IdentityException.Reason.WRONG_ROLE,
                    "expected a " + expected + " certificate, got a " + parsed.role() + " certificate");
        }
        Instant now = clock.instant();
        checkWindow("CA certificate", anchor.notBefore(), anchor.notAfter(), now);
        checkWindow("certificate", parsed.notBefore(), parsed.notAfter(), now);
    }

    private void checkWindow(String what, Instant notBefore, Instant notAfter, Instant now) throws IdentityException {
        if (now.plus(skew).isBefore(notBefore)) {
            throw new IdentityException(IdentityException.Reason.NOT_YET_VALID, what + " valid from " + notBefore);
        }
        if (now.minus(skew).isAfter(notAfter)) {
            throw new IdentityException(IdentityException.Reason.EXPIRED, what + " expired at " + notAfter);
        }
    }

    private void checkRevocation(IssuedCertificate certificate) throws IdentityException {
        if (revocation.isRevoked(certificate)) {
            throw new IdentityException(IdentityException.Reason.REVOKED, "certificate " + certificate.serial().toString(16)
                    + " is revoked");
        }
    }
}
