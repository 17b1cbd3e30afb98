package io.ngisec.client.identity;

import io.ngisec.protocol.identity.DeviceCertificate;
import io.ngisec.protocol.identity.DeviceId;
import io.ngisec.protocol.identity.DeviceIdentity;
import io.ngisec.protocol.identity.Ed25519Keys;
import io.ngisec.protocol.identity.OrgCa;
import java.net.URI;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Real enrolled identities for tests: an organization CA that issues device certificates for fresh keys. */
public final class TestIdentities {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final OrgCa ca;

    public TestIdentities(String organization) {
        ca = OrgCa.create(organization, Duration.ofDays(365), Clock.systemUTC(), RANDOM);
    }

    public OrgCa ca() {
        return ca;
    }

    /** A newly enrolled device of {@code user} with fresh keys. */
    public EnrolledIdentity enroll(String user, String deviceName) {
        return certify(DeviceId.random(), user, deviceName, DeviceKeys.generate(RANDOM));
    }

    /** {@code identity} renewed: a new certificate for new keys, same device. */
    public EnrolledIdentity renew(EnrolledIdentity identity) {
        EnrolledIdentity renewed = certify(identity.deviceId(), identity.user(), identity.deviceName(),
                DeviceKeys.generate(RANDOM));
        return identity.withCertificate(renewed.deviceCertificate(), renewed.keys());
    }

    private EnrolledIdentity certify(DeviceId id, String user, String deviceName, DeviceKeys keys) {
        KeyPair signing = keys.signing();
        DeviceCertificate certificate = ca.issueDevice(
                new DeviceIdentity(user, id, deviceName, List.of("staff", "ops"), keys.noise().publicKey()),
                signing.getPublic(), Duration.ofDays(90));
        KeyPair signerKeys = Ed25519Keys.generate(RANDOM);
        byte[] ticketSigner = ca.issueTicketSigner(signerKeys.getPublic(), Duration.ofDays(30)).encoded();
        return new EnrolledIdentity(id, user, List.of("staff", "ops"), deviceName, URI.create("https://policy.test:8443"),
                ca.fingerprint(), ca.certificate().encoded(), certificate.encoded(), List.of(ticketSigner), keys);
    }
}
