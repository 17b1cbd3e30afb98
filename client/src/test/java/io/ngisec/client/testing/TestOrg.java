package io.ngisec.client.testing;

import io.ngisec.client.identity.DeviceKeys;
import io.ngisec.client.identity.EnrolledIdentity;
import io.ngisec.protocol.identity.DeviceId;
import io.ngisec.protocol.identity.DeviceIdentity;
import io.ngisec.protocol.identity.Ed25519Keys;
import io.ngisec.protocol.identity.OrgCa;
import io.ngisec.protocol.identity.SessionTicket;
import io.ngisec.protocol.identity.TicketSigner;
import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.qos.Service;
import java.net.URI;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An organization in memory on the real clock, for client tests that need enrolled devices and
 * signed tickets without a policy server: what the server would issue, with the same protocol code.
 */
public final class TestOrg {

    public static final Map<Service, QosClass> ALL_GRANTS =
            Map.of(Service.CALL, QosClass.VOICE, Service.FILE, QosClass.BULK, Service.CHAT, QosClass.INTERACTIVE);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final OrgCa ca;
    private final TicketSigner signer;

    public TestOrg(String name) {
        ca = OrgCa.create(name, Duration.ofDays(365), Clock.systemUTC(), RANDOM);
        KeyPair signerKeys = Ed25519Keys.generate(RANDOM);
        signer = new TicketSigner(signerKeys.getPrivate(), ca.issueTicketSigner(signerKeys.getPublic(), Duration.ofDays(30)));
    }

    /** A device of {@code user}, enrolled now, as it would hold itself after enrollment. */
    public EnrolledIdentity enroll(String user) {
        return certify(new DeviceId(UUID.randomUUID()), user, DeviceKeys.generate(RANDOM));
    }

    /** {@code identity} after a certificate renewal: the same device with fresh keys and a new certificate. */
    public EnrolledIdentity renew(EnrolledIdentity identity) {
        return certify(identity.deviceId(), identity.user(), DeviceKeys.generate(RANDOM));
    }

    private EnrolledIdentity certify(DeviceId id, String user, DeviceKeys keys) {
        DeviceIdentity identity = new DeviceIdentity(user, id, user + "-laptop", List.of("staff"), keys.noise().publicKey());
        byte[] certificate = ca.issueDevice(identity, keys.signing().getPublic(), Duration.ofDays(7)).encoded();
        return new EnrolledIdentity(id, user, List.of("staff"), user + "-laptop", URI.create("https://127.0.0.1:1"),
                ca.fingerprint(), ca.certificate().encoded(), certificate, List.of(signer.certificate().encoded()), keys);
    }

    /** A signed ticket (wire bytes) from {@code initiator} to {@code responder}. */
    public byte[] ticket(EnrolledIdentity initiator, EnrolledIdentity responder, Map<Service, QosClass> grants,
            long maxFileSize) {
        return signer.sign(SessionTicket.issue(RANDOM, initiator.deviceId(), responder.deviceId(),
                Clock.systemUTC().instant(), Duration.ofMinutes(10), grants, maxFileSize, signer.keyId())).encoded();
    }
}
