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
import java.nio.ByteBuffer;
import java.security.KeyPair;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A whole organization for handshake tests and benchmarks: CA, ticket signer, revocation list,
 * and a clock the test moves. Devices and tickets are made on demand.
 *
 * <p>{@link #seeded} makes the same organization in every process: the same keys, certificates,
 * device ids and tickets, as long as the same calls come in the same order. Peers in separate
 * processes (the netlab tests) agree on their credentials that way without exchanging files.
 */
public final class TestOrganization {

    static final SecureRandom RANDOM = new SecureRandom();
    static final Map<Service, QosClass> GRANTS =
            Map.of(Service.CALL, QosClass.VOICE, Service.FILE, QosClass.BULK, Service.CHAT, QosClass.INTERACTIVE);

    final MutableClock clock = new MutableClock(Instant.parse("2030-03-01T12:00:00Z"));
    final OrgCa ca;
    final TicketSigner signer;
    final RevocationList revocations = new RevocationList();
    private final SecureRandom random;

    public TestOrganization(String name) {
        this(name, RANDOM);
    }

    private TestOrganization(String name, SecureRandom random) {
        this.random = random;
        ca = OrgCa.create(name, Duration.ofDays(3650), clock, random);
        KeyPair signerKeys = Ed25519Keys.generate(random);
        signer = new TicketSigner(signerKeys.getPrivate(),
                ca.issueTicketSigner(signerKeys.getPublic(), Duration.ofDays(365)));
    }

    /** The same organization for the same name and seed, in any process (its keys are NOT secret). */
    public static TestOrganization seeded(String name, long seed) {
        SecureRandom random;
        try {
            // SHA1PRNG seeded before its first use yields the same stream on every JDK run.
            random = SecureRandom.getInstance("SHA1PRNG");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA1PRNG is part of every JDK", e);
        }
        random.setSeed(ByteBuffer.allocate(Long.BYTES).putLong(seed).array());
        return new TestOrganization(name, random);
    }

    /** A newly enrolled device of {@code user}, valid for {@code validity} from now. */
    public LocalCredentials enroll(String user, Duration validity) {
        DhKeyPair noise = DhKeyPair.generate(random);
        DeviceId id = new DeviceId(new UUID(random.nextLong(), random.nextLong()));
        DeviceIdentity identity = new DeviceIdentity(user, id, user + "'s laptop", List.of("staff"), noise.publicKey());
        DeviceCertificate certificate = ca.issueDevice(identity, Ed25519Keys.generate(random).getPublic(), validity);
        return new LocalCredentials(noise, certificate);
    }

    public LocalCredentials enroll(String user) {
        return enroll(user, Duration.ofDays(90));
    }

    /** A ticket for a session from {@code initiator} to {@code responder}, issued now. */
    public SignedTicket ticket(LocalCredentials initiator, LocalCredentials responder, Duration lifetime) {
        return signer.sign(SessionTicket.issue(random, initiator.certificate().deviceId(),
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
