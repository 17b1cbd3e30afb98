package io.ngisec.client.session;

import io.ngisec.client.identity.EnrolledIdentity;
import io.ngisec.protocol.handshake.LocalCredentials;
import io.ngisec.protocol.handshake.PeerVerifier;
import io.ngisec.protocol.identity.CertificateVerifier;
import io.ngisec.protocol.identity.DeviceCertificate;
import io.ngisec.protocol.identity.DeviceId;
import io.ngisec.protocol.identity.IdentityException;
import io.ngisec.protocol.identity.OrgCaCertificate;
import io.ngisec.protocol.identity.RevocationList;
import io.ngisec.protocol.identity.TicketSignerCertificate;
import io.ngisec.protocol.identity.TicketVerifier;
import java.math.BigInteger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * What a device trusts when it meets a peer: the org CA pinned at enrollment, the ticket signers
 * it certified, and the revocations the policy server announced (its list at start, then each
 * push). Builds the handshake's {@link PeerVerifier} and this device's {@link LocalCredentials}.
 * Thread safe (revocations may arrive while handshakes run).
 */
public final class PeerTrust {

    private final RevocationList revocations;
    private final PeerVerifier verifier;
    private final CertificateVerifier certificates;
    private volatile LocalCredentials credentials;

    private PeerTrust(RevocationList revocations, CertificateVerifier certificates, PeerVerifier verifier,
            LocalCredentials credentials) {
        this.certificates = certificates;
        this.revocations = revocations;
        this.verifier = verifier;
        this.credentials = credentials;
    }

    /** The trust of {@code identity}; throws when its stored certificates do not parse or chain. */
    public static PeerTrust of(EnrolledIdentity identity, Clock clock) throws IdentityException {
        RevocationList revocations = new RevocationList();
        CertificateVerifier certificates = new CertificateVerifier(
                OrgCaCertificate.parse(identity.caCertificate()), revocations, clock);
        List<TicketSignerCertificate> signers = new ArrayList<>();
        for (byte[] der : identity.ticketSigners()) {
            signers.add(certificates.verifyTicketSigner(der));
        }
        DeviceCertificate own = certificates.verify(identity.deviceCertificate());
        return new PeerTrust(revocations, certificates, PeerVerifier.of(certificates, new TicketVerifier(signers, clock)),
                new LocalCredentials(identity.keys().noise(), own));
    }

    public PeerVerifier verifier() {
        return verifier;
    }

    public LocalCredentials credentials() {
        return credentials;
    }

    /** Uses {@code renewed}'s certificate and Noise key for the handshakes that start from now on. */
    public void renewed(EnrolledIdentity renewed) throws IdentityException {
        credentials = new LocalCredentials(renewed.keys().noise(), certificates.verify(renewed.deviceCertificate()));
    }

    /** From now on, handshakes refuse {@code device}. */
    public void revokeDevice(DeviceId device) {
        revocations.revokeDevice(device);
    }

    /** From now on, handshakes refuse the certificate with {@code serial}. */
    public void revokeSerial(BigInteger serial) {
        revocations.revokeSerial(serial);
    }
}
