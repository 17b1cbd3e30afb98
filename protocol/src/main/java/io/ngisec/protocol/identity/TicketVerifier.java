package io.ngisec.protocol.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decides whether a signed session ticket is a valid permission now: signed by a trusted ticket
 * signer whose certificate covered the moment of issue, not issued in the future, not expired, not
 * older than the verifier's maximum age (times give or take {@link IdentityTunables#ALLOWED_CLOCK_SKEW}),
 * and, with {@link #verifyFor}, for the right pair of devices. Checks run in that order. Immutable
 * and thread safe; rebuild it when the set of signers changes.
 */
public final class TicketVerifier {

    private final Map<KeyId, List<TicketSignerCertificate>> signers = new HashMap<>();
    private final Clock clock;
    private final Duration maxAge;
    private final Duration skew;

    /** A verifier trusting {@code signers} (as accepted by {@link CertificateVerifier#verifyTicketSigner}), with default limits. */
    public TicketVerifier(Collection<TicketSignerCertificate> signers, Clock clock) {
        this(signers, clock, IdentityTunables.DEFAULT_MAX_TICKET_AGE, IdentityTunables.ALLOWED_CLOCK_SKEW);
    }

    /** A verifier refusing tickets issued more than {@code maxAge} ago and tolerating clocks {@code skew} apart. */
    public TicketVerifier(Collection<TicketSignerCertificate> signers, Clock clock, Duration maxAge, Duration skew) {
        for (TicketSignerCertificate signer : signers) {
            this.signers.computeIfAbsent(signer.keyId(), k -> new ArrayList<>()).add(signer);
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxAge.isNegative() || maxAge.isZero() || skew.isNegative()) {
            throw new IllegalArgumentException("max age must be positive and skew not negative");
        }
        this.maxAge = maxAge;
        this.skew = skew;
    }

    /** Parses and verifies the wire form of a signed ticket. */
    public SessionTicket verify(byte[] wire) throws IdentityException {
        return verify(SignedTicket.parse(wire));
    }

    /** Verifies {@code signed}; returns its ticket when accepted, else throws IdentityException saying why. */
    public SessionTicket verify(SignedTicket signed) throws IdentityException {
        SessionTicket ticket = signed.ticket();
        List<TicketSignerCertificate> candidates = signers.get(ticket.signerKeyId());
        if (candidates == null) {
            throw new IdentityException(IdentityException.Reason.UNKNOWN_SIGNER,
                    "no trusted ticket signer has key id " + ticket.signerKeyId());
        }
        byte[] body = signed.body();
        byte[] signature = signed.signature();
        boolean signatureValid = false;
        boolean signerValidAtIssue = false;
        for (TicketSignerCertificate candidate : candidates) {
            if (Ed25519Keys.verify(candidate.publicKey(), TicketSigner.CONTEXT, body, signature)) {
                signatureValid = true;
                signerValidAtIssue |= !ticket.issuedAt().plus(skew).isBefore(candidate.notBefore())
                        && !ticket.issuedAt().minus(skew).isAfter(candidate.notAfter());
            }
        }
        if (!signatureValid) {
            throw new IdentityException(IdentityException.Reason.BAD_SIGNATURE, "ticket " + ticket.ticketId());
        }
        if (!signerValidAtIssue) {
            throw new IdentityException(IdentityException.Reason.UNKNOWN_SIGNER,
                    "ticket signer certificate not valid when ticket " + ticket.ticketId() + " was issued");
        }
        Instant now = clock.instant();
        if (ticket.issuedAt().isAfter(now.plus(skew))) {
            throw new IdentityException(IdentityException.Reason.TICKET_NOT_YET_VALID,
                    "ticket issued at " + ticket.issuedAt());
        }
        if (!ticket.expiresAt().isAfter(now.minus(skew))) {
            throw new IdentityException(IdentityException.Reason.TICKET_EXPIRED, "ticket expired at " + ticket.expiresAt());
        }
        if (ticket.issuedAt().plus(maxAge).isBefore(now.minus(skew))) {
            throw new IdentityException(IdentityException.Reason.TICKET_STALE,
                    "ticket issued at " + ticket.issuedAt() + ", more than " + maxAge + " ago");
        }
        return ticket;
    }

    /**
     * Verifies {@code signed} as a permission for {@code initiator} to open a session to
     * {@code responder}; a ticket for the reverse direction is WRONG_PEER too.
     */
    public SessionTicket verifyFor(SignedTicket signed, DeviceId initiator, DeviceId responder)
            throws IdentityException {
        SessionTicket ticket = verify(signed);
        if (!ticket.initiator().equals(initiator) || !ticket.responder().equals(responder)) {
            throw new IdentityException(IdentityException.Reason.WRONG_PEER, "ticket is for " + ticket.initiator()
                    + " -> " + ticket.responder() + ", not " + initiator + " -> " + responder);
        }
        return ticket;
    }
}
