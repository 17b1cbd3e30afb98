package io.ngisec.client.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ngisec.client.identity.DeviceKeys;
import io.ngisec.client.identity.EnrolledIdentity;
import io.ngisec.client.testing.PolicyServerProcess;
import io.ngisec.protocol.enroll.Invite;
import io.ngisec.protocol.enroll.InviteCode;
import io.ngisec.protocol.identity.DeviceCertificate;
import io.ngisec.protocol.identity.Fingerprint;
import io.ngisec.protocol.noise.DhKeyPair;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Enrollment and renewal against a real policy server process. */
class EnrollmentTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    static Path dir;

    private static PolicyServerProcess server;

    @BeforeAll
    static void startServer() throws Exception {
        server = PolicyServerProcess.start(dir);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void twoDevicesEnrollFromTheirInvites() throws Exception {
        DeviceKeys aliceKeys = DeviceKeys.generate(RANDOM);
        Invite aliceInvite = Invite.parse(server.invite("alice", "eng", "staff"));
        EnrolledIdentity alice = PolicyServerClient.enroll(aliceInvite, "alice-laptop", aliceKeys);
        EnrolledIdentity bob = PolicyServerClient.enroll(Invite.parse(server.invite("bob")), "bob-phone",
                DeviceKeys.generate(RANDOM));

        assertThat(alice.user()).isEqualTo("alice");
        assertThat(alice.groups()).containsExactlyInAnyOrder("eng", "staff");
        assertThat(alice.deviceName()).isEqualTo("alice-laptop");
        assertThat(alice.server()).isEqualTo(server.url());
        assertThat(alice.caFingerprint()).isEqualTo(server.caFingerprint());
        assertThat(server.caFingerprint().matches(alice.caCertificate())).isTrue();
        assertThat(alice.ticketSigners()).isNotEmpty();
        assertThat(alice.keys()).isSameAs(aliceKeys);
        DeviceCertificate certificate = DeviceCertificate.parse(alice.deviceCertificate());
        assertThat(certificate.deviceId()).isEqualTo(alice.deviceId());
        assertThat(certificate.identity().hasNoiseStaticKey(aliceKeys.noise().publicKey())).isTrue();
        assertThat(bob.user()).isEqualTo("bob");
        assertThat(bob.deviceId()).isNotEqualTo(alice.deviceId());
    }

    @Test
    void anInviteWorksOnce() throws Exception {
        Invite invite = Invite.parse(server.invite("carol"));
        PolicyServerClient.enroll(invite, "carol-desk", DeviceKeys.generate(RANDOM));

        assertThatThrownBy(() -> PolicyServerClient.enroll(invite, "carol-again", DeviceKeys.generate(RANDOM)))
                .isInstanceOfSatisfying(ServerException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.code()).isEqualTo("invite_used");
                    assertThat(e.getMessage()).isEqualTo("this invite was already used");
                });
    }

    @Test
    void anInviteWithAnotherSecretIsUnknown() {
        Invite real = Invite.parse(server.invite("dave"));
        String forged = real.code().id() + "." + InviteCode.generate(RANDOM).encoded().split("\\.")[1];
        Invite invite = new Invite(real.server(), real.caFingerprint(), InviteCode.parse(forged));

        assertThatThrownBy(() -> PolicyServerClient.enroll(invite, "dave-pc", DeviceKeys.generate(RANDOM)))
                .isInstanceOfSatisfying(ServerException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.code()).isEqualTo("invite_unknown");
                });
    }

    @Test
    void aServerWithoutTheInvitesCaIsRefusedBeforeTheInviteIsSent() throws Exception {
        Invite real = Invite.parse(server.invite("erin"));
        byte[] other = new byte[Fingerprint.LENGTH];
        RANDOM.nextBytes(other);
        Invite wrongCa = new Invite(real.server(), Fingerprint.fromBytes(other), real.code());

        assertThatThrownBy(() -> PolicyServerClient.enroll(wrongCa, "erin-pc", DeviceKeys.generate(RANDOM)))
                .isInstanceOfSatisfying(ServerException.class, e -> {
                    assertThat(e.code()).isEqualTo(ServerException.UNTRUSTED_SERVER);
                    assertThat(e.getMessage()).isEqualTo("the server at " + server.url() + " is not the organization's"
                            + " (its certificate does not chain to the CA fingerprint in the invite)");
                });
        // The invite never reached that server, so it still works with the right pin.
        assertThat(PolicyServerClient.enroll(real, "erin-pc", DeviceKeys.generate(RANDOM)).user()).isEqualTo("erin");
    }

    @Test
    void anUnreachableServerIsNamed() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Invite real = Invite.parse(server.invite("frank"));
        URI nowhere = URI.create("https://127.0.0.1:" + closedPort);
        Invite invite = new Invite(nowhere, real.caFingerprint(), real.code());

        assertThatThrownBy(() -> PolicyServerClient.enroll(invite, "frank-pc", DeviceKeys.generate(RANDOM)))
                .isInstanceOfSatisfying(ServerException.class, e -> {
                    assertThat(e.code()).isEqualTo(ServerException.UNREACHABLE);
                    assertThat(e.getMessage()).isEqualTo("cannot reach the policy server at " + nowhere
                            + ": connection refused");
                });
    }

    @Test
    void renewalGivesANewerCertificateForTheSameDeviceAndOptionallyANewNoiseKey() throws Exception {
        EnrolledIdentity enrolled = PolicyServerClient.enroll(Invite.parse(server.invite("gina")), "gina-pc",
                DeviceKeys.generate(RANDOM));
        DeviceCertificate before = DeviceCertificate.parse(enrolled.deviceCertificate());
        Clock halfwayThrough = Clock.fixed(before.notBefore().plus(Duration.ofDays(4)), ZoneOffset.UTC);
        Clock now = Clock.fixed(before.notBefore().plusSeconds(60), ZoneOffset.UTC);

        try (PolicyServerClient client = PolicyServerClient.open(enrolled)) {
            assertThat(new CertificateRenewal(now).renewIfDue(client)).isEmpty();
            EnrolledIdentity renewed = new CertificateRenewal(halfwayThrough).renewIfDue(client).orElseThrow();

            DeviceCertificate after = DeviceCertificate.parse(renewed.deviceCertificate());
            assertThat(after.serial()).isNotEqualTo(before.serial());
            assertThat(after.deviceId()).isEqualTo(enrolled.deviceId());
            assertThat(after.notAfter()).isAfterOrEqualTo(before.notAfter());
            assertThat(client.identity()).isSameAs(renewed);

            DhKeyPair newNoise = DhKeyPair.generate(RANDOM);
            EnrolledIdentity rekeyed = client.renew(Optional.of(newNoise));
            assertThat(DeviceCertificate.parse(rekeyed.deviceCertificate()).identity()
                    .hasNoiseStaticKey(newNoise.publicKey())).isTrue();
            assertThat(rekeyed.keys().noise()).isSameAs(newNoise);
            // The client now presents the renewed certificate.
            assertThat(client.directory()).isNotNull();
        }
    }

    @Test
    void renewalIsDueHalfwayThroughTheCertificatesLifetime() throws Exception {
        EnrolledIdentity enrolled = PolicyServerClient.enroll(Invite.parse(server.invite("hank")), "hank-pc",
                DeviceKeys.generate(RANDOM));
        DeviceCertificate certificate = DeviceCertificate.parse(enrolled.deviceCertificate());
        Duration lifetime = Duration.between(certificate.notBefore(), certificate.notAfter());
        var halfway = certificate.notBefore().plus(lifetime.dividedBy(2));

        assertThat(new CertificateRenewal(Clock.systemUTC()).renewAt(enrolled)).isEqualTo(halfway);
        assertThat(new CertificateRenewal(Clock.fixed(halfway.minusSeconds(1), ZoneOffset.UTC)).isDue(enrolled)).isFalse();
        assertThat(new CertificateRenewal(Clock.fixed(halfway, ZoneOffset.UTC)).isDue(enrolled)).isTrue();
    }
}
