package io.ngisec.protocol.identity;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.Objects;

/**
 * Signs session tickets with the policy server's ticket-signing key. Thread safe. Holds a private
 * key: only the policy server should have one.
 */
public final class TicketSigner {

    static final byte[] CONTEXT = IdentitySpec.TICKET_SIGNATURE_CONTEXT.getBytes(StandardCharsets.US_ASCII);

    private final byte[] seed;
    private final byte[] publicKey;
    private final TicketSignerCertificate certificate;

    /** A signer for {@code key}; throws IllegalArgumentException unless it is the private key of {@code certificate}. */
    public TicketSigner(PrivateKey key, TicketSignerCertificate certificate) {
        Objects.requireNonNull(key, "key");
        this.certificate = Objects.requireNonNull(certificate, "certificate");
        if (!Ed25519Keys.matches(key, certificate.publicKey())) {
            throw new IllegalArgumentException("private key does not match the ticket-signer certificate");
        }
        this.seed = Ed25519Keys.seed(key);
        this.publicKey = Ed25519Keys.raw(certificate.publicKey());
    }

    /** The key id to put in tickets this signer signs. */
    public KeyId keyId() {
        return certificate.keyId();
    }

    /** The certificate peers verify this signer's tickets with. */
    public TicketSignerCertificate certificate() {
        return certificate;
    }

    /** Signs {@code ticket}; throws IllegalArgumentException if it names another signer key. */
    public SignedTicket sign(SessionTicket ticket) {
        if (!ticket.signerKeyId().equals(keyId())) {
            throw new IllegalArgumentException("ticket names signer " + ticket.signerKeyId() + ", this is " + keyId());
        }
        byte[] body = TicketCodec.encode(ticket);
        return new SignedTicket(ticket, body, Ed25519Keys.sign(seed, publicKey, CONTEXT, body));
    }
}
