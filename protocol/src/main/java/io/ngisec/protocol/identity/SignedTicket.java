package io.ngisec.protocol.identity;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A session ticket with its encoded body and the signer's Ed25519 signature over
 * {@link IdentitySpec#TICKET_SIGNATURE_CONTEXT} followed by that body; on the wire, body then
 * signature. Immutable. Parsing checks only the form: trust it after {@link TicketVerifier}.
 */
public record SignedTicket(SessionTicket ticket, byte[] body, byte[] signature) {

    /** Throws IllegalArgumentException unless {@code body} is the encoding of {@code ticket} and the signature is 64 bytes. */
    public SignedTicket {
        Objects.requireNonNull(ticket, "ticket");
        body = body.clone();
        signature = signature.clone();
        if (!Arrays.equals(TicketCodec.encode(ticket), body)) {
            throw new IllegalArgumentException("body is not the encoding of the ticket");
        }
        if (signature.length != IdentitySpec.SIGNATURE_LENGTH) {
            throw new IllegalArgumentException("signature must be " + IdentitySpec.SIGNATURE_LENGTH + " bytes");
        }
    }

    /**
     * Parses the wire form. Throws IdentityException(MALFORMED) for anything but exactly one
     * well-formed ticket (truncation, trailing bytes, unknown version, service or QoS code,
     * duplicate or unordered grants, bad times); never another exception.
     */
    public static SignedTicket parse(byte[] wire) throws IdentityException {
        try {
            int count = wire == null ? -1 : TicketCodec.grantCount(wire);
            if (count < 0 || count > TicketCodec.MAX_GRANTS) {
                throw new IdentityException(IdentityException.Reason.MALFORMED,
                        count < 0 ? "ticket: truncated" : "ticket: too many grants");
            }
            int bodyLength = TicketCodec.bodyLength(count);
            if (wire.length != bodyLength + IdentitySpec.SIGNATURE_LENGTH) {
                throw new IdentityException(IdentityException.Reason.MALFORMED,
                        wire.length < bodyLength + IdentitySpec.SIGNATURE_LENGTH ? "ticket: truncated" : "ticket: trailing bytes");
            }
            byte[] body = Arrays.copyOf(wire, bodyLength);
            byte[] signature = Arrays.copyOfRange(wire, bodyLength, wire.length);
            return new SignedTicket(TicketCodec.decode(body), body, signature);
        } catch (RuntimeException e) {
            // Defence in depth: a codec bug must still surface as a refused ticket, not a crash.
            throw new IdentityException(IdentityException.Reason.MALFORMED, "ticket: " + e, e);
        }
    }

    /** The body bytes (a copy). */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The 64-byte signature (a copy). */
    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** The wire form: body then signature. */
    public byte[] encoded() {
        byte[] wire = Arrays.copyOf(body, body.length + signature.length);
        System.arraycopy(signature, 0, wire, body.length, signature.length);
        return wire;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedTicket other && ticket.equals(other.ticket)
                && Arrays.equals(body, other.body) && Arrays.equals(signature, other.signature);
    }

    @Override
    public int hashCode() {
        return 31 * ticket.hashCode() + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "SignedTicket[" + ticket + ", signature=" + HexFormat.of().formatHex(signature) + "]";
    }
}
