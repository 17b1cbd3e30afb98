package io.ngisec.protocol.identity;


/**
 * The certificate of a policy server's ticket-signing key. Immutable and thread safe. Instances
 * exist only as issued by {@link OrgCa} or accepted by {@link CertificateVerifier#verifyTicketSigner},
 * so holding one means the CA vouched for the key.
 */
public final class TicketSignerCertificate extends CertificateView implements IssuedCertificate {

    private final KeyId keyId;

    private TicketSignerCertificate(ParsedCertificate parsed) {
        super(parsed);
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
    public String toString() {
        return "TicketSignerCertificate[key " + keyId + ", serial=" + serial().toString(16) + ", " + fingerprint() + "]";
    }
}
