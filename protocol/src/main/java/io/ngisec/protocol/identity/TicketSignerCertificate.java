package io.ngisec.protocol.identity;

import java.math.BigInteger;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Arrays;

/**
 * The certificate of a policy server's ticket-signing key. Immutable and thread safe. Instances
 * exist only as issued by {@link OrgCa} or accepted by {@link CertificateVerifier#verifyTicketSigner},
 * so holding one means the CA vouched for the key.
 */
public final class TicketSignerCertificate implements IssuedCertificate {

    private final ParsedCertificate parsed;
    private final KeyId keyId;

    private TicketSignerCertificate(ParsedCertificate parsed) {
        this.parsed = parsed;
        this.keyId = KeyId.ofRaw(parsed.rawPublicKey());
    }

    static TicketSignerCertificate of(ParsedCertificate parsed) throws IdentityException {
        if (parsed.role() != CertificateRole.TICKET_SIGNER) {
            throw new IdentityException(IdentityException.Reason.WRONG_ROLE,
                    "a " + parsed.role() + " certificate is not a ticket-signer certificate");
        }
        return new TicketSignerCertificate(parsed);
    }

    /** The key id tickets signed by this key carry. */
    public KeyId keyId() {
        return keyId;
    }

    @Override
    public BigInteger serial() {
        return parsed.serial();
    }

    @Override
    public Instant notBefore() {
        return parsed.notBefore();
    }

    @Override
    public Instant notAfter() {
        return parsed.notAfter();
    }

    @Override
    public PublicKey publicKey() {
        return parsed.publicKey();
    }

    @Override
    public byte[] encoded() {
        return parsed.encoded();
    }

    @Override
    public Fingerprint fingerprint() {
        return parsed.fingerprint();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TicketSignerCertificate other && Arrays.equals(encoded(), other.encoded());
    }

    @Override
    public int hashCode() {
        return parsed.fingerprint().hashCode();
    }

    @Override
    public String toString() {
        return "TicketSignerCertificate[key " + keyId + ", serial=" + serial().toString(16) + ", " + fingerprint() + "]";
    }
}
