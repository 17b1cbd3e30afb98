package io.ngisec.protocol.handshake;

import io.ngisec.protocol.identity.CertificateVerifier;
import io.ngisec.protocol.identity.DeviceCertificate;
import io.ngisec.protocol.identity.DeviceId;
import io.ngisec.protocol.identity.DeviceIdentity;
import io.ngisec.protocol.identity.OrgCa;
import io.ngisec.protocol.identity.RevocationList;
import io.ngisec.protocol.identity.SessionTicket;
import io.ngisec.protocol.identity.SignedTicket;
import io.ngisec.protocol.identity.TicketSigner;
import io.ngisec.protocol.identity.TicketVerifier;
import io.ngisec.protocol.identity.Ed25519Keys;
import io.ngisec.protocol.noise.DhKeyPair;
import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.qos.Service;
import io.ngisec.protocol.testing.MutableClock;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A whole organization for handshake tests and benchmarks: CA, ticket signer, revocation list,
 * and a clock the test moves. Devices and tickets are made on demand.
 */
public final class TestOrganization {

    static final SecureRandom RANDOM = new SecureRandom();
    static final Map<Service, QosClass> GRANTS =
            Map.of(Service.CALL, QosClass.VOICE, Service.FILE, QosClass.BULK, Service.CHAT, QosClass.INTERACTIVE);

    final MutableClock clock = new MutableClock(Instant.parse("2030-03-01T12:00:00Z"));
    final OrgCa ca;
    final TicketSigner signer;
    final RevocationList revocations = new RevocationList();

    public TestOrganization(String name) {
        ca = OrgCa.create(name, Duration.ofDays(3650), clock, RANDOM);
        KeyPair signerKeys = Ed25519Keys.generate(RANDOM);
        signer = new TicketSigner(signerKeys.getPrivate(),
                ca.issueTicketSigner(signerKeys.getPublic(), Duration.ofDays(365)));
    }

    /** A newly enrolled device of {@code user}, valid for {@code validity} from now. */
    public LocalCredentials enroll(String user, Duration validity) {
        DhKeyPair noise = DhKeyPair.generate(RANDOM);
        DeviceIdentity identity = new DeviceIdentity(user, DeviceId.random(), user + "'s laptop",
                List.of("staff"), noise.publicKey());
        DeviceCertificate certificate = ca.issueDevice(identity, Ed25519Keys.generate(RANDOM).getPublic(), validity);
        return new LocalCredentials(noise, certificate);
    }

    public LocalCredentials enroll(String user) {
        return enroll(user, Duration.ofDays(90));
    }

    /** A ticket for a session from {@code initiator} to {@code responder}, issued now. */
    public SignedTicket ticket(LocalCredentials initiator, LocalCredentials responder, Duration lifetime) {
        return signer.sign(SessionTicket.issue(RANDOM, initiator.certificate().deviceId(),
                responder.certificate().deviceId(), clock.instant(), lifetime, GRANTS, 0, signer.keyId()));
    }

    public SignedTicket ticket(LocalCredentials initiator, LocalCredentials responder) {
        return ticket(initiator, responder, Duration.ofHours(1));
    }

    /** What a device of this organization verifies its peers with. */
    public PeerVerifier verifier() {
        return PeerVerifier.of(new CertificateVerifier(ca.certificate(), revocations, clock),
                new TicketVerifier(List.of(signer.certificate()), clock));
    }
}
