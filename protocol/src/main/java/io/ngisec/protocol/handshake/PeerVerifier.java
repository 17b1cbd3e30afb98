package io.ngisec.protocol.handshake;

import io.ngisec.protocol.identity.CertificateVerifier;
import io.ngisec.protocol.identity.DeviceCertificate;
import io.ngisec.protocol.identity.DeviceId;
import io.ngisec.protocol.identity.IdentityException;
import io.ngisec.protocol.identity.SessionTicket;
import io.ngisec.protocol.identity.SignedTicket;

/**
 * The handshake's narrow view of the organization's trust: verifies the peer's certificate and the
 * session ticket. Injected so the state machines never know where CA, revocation or clock come from.
 */
public interface PeerVerifier {

    /** The peer's device certificate if it verifies now (chain, validity, role, revocation). */
    DeviceCertificate verifyCertificate(byte[] der) throws IdentityException;

    /** The ticket if it verifies now and names exactly this initiator and responder. */
    SessionTicket verifyTicket(byte[] ticket, DeviceId initiator, DeviceId responder) throws IdentityException;

    /** The verifier built on the organization's certificate and ticket verifiers. */
    static PeerVerifier of(CertificateVerifier certificates, io.ngisec.protocol.identity.TicketVerifier tickets) {
        return new PeerVerifier() {
            @Override
            public DeviceCertificate verifyCertificate(byte[] der) throws IdentityException {
                return certificates.verify(der);
            }

            @Override
            public SessionTicket verifyTicket(byte[] ticket, DeviceId initiator, DeviceId responder)
                    throws IdentityException {
                return tickets.verifyFor(SignedTicket.parse(ticket), initiator, responder);
            }
        };
    }
}
