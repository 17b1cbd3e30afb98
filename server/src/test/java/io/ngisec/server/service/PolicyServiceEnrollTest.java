package io.ngisec.server.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ngisec.protocol.api.Messages.EnrollRequest;
import io.ngisec.protocol.api.Messages.EnrollResponse;
import io.ngisec.protocol.enroll.InviteCode;
import io.ngisec.protocol.identity.CertificateVerifier;
import io.ngisec.protocol.identity.DeviceCertificate;
import io.ngisec.protocol.identity.DeviceId;
import io.ngisec.protocol.identity.OrgCaCertificate;
import io.ngisec.protocol.identity.RevocationChecker;
import io.ngisec.server.api.ApiException;
import io.ngisec.server.service.ServiceFixture.NewDevice;
import io.ngisec.server.service.ServiceFixture.Persisted;
import io.ngisec.server.store.AuditRecord;
import io.ngisec.server.store.StoredDevice;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyServiceEnrollTest {

    private static final String SOURCE = "198.51.100.7";

    @TempDir
    Path dir;

    private ServiceFixture fx;

    @BeforeEach
    void setUp() throws Exception {
        fx = new ServiceFixture(dir);
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void enrollIssuesACertificateForTheInvitedUserThatChainsToTheCa() throws Exception {
        NewDevice device = ServiceFixture.newDevice(fx.invite("alice", "staff"), "  alice laptop ");

        EnrollResponse response = fx.service.enroll(device.request(), SOURCE);

        DeviceId id = DeviceId.parse(response.deviceId());
        assertEquals("alice", response.user());
        assertEquals(List.of("staff"), response.groups());
        OrgCaCertificate caCertificate = OrgCaCertificate.parse(Base64.getDecoder().decode(response.caCertificate()));
        assertEquals(fx.ca.certificate(), caCertificate);
        CertificateVerifier verifier = new CertificateVerifier(caCertificate, RevocationChecker.NONE, fx.clock);
        DeviceCertificate certificate = verifier.verify(Base64.getDecoder().decode(response.certificate()));
        assertEquals(id, certificate.deviceId());
        assertEquals("alice", certificate.identity().user());
        assertEquals("alice laptop", certificate.identity().deviceName());
        assertEquals(List.of("staff"), certificate.identity().groups());
        assertTrue(certificate.identity().hasNoiseStaticKey(device.noisePublic()));
        assertEquals(device.signing().getPublic(), certificate.publicKey());
        assertEquals(ServiceFixture.START.plus(Duration.ofDays(7)), certificate.notAfter());
        assertEquals(fx.signer.certificate(),
                verifier.verifyTicketSigner(Base64.getDecoder().decode(response.ticketSigners().get(0))));
        assertEquals(List.of(fx.signer.certificate().encoded().length), response.ticketSigners().stream()
                .map(s -> Base64.getDecoder().decode(s).length).toList());

        StoredDevice stored = fx.store.device(id).orElseThrow();
        assertEquals("alice laptop", stored.name());
        assertEquals(certificate.serial(), stored.serial());
        assertArrayEquals(device.noisePublic(), stored.noiseKey());
        assertArrayEquals(device.signing().getPublic().getEncoded(), stored.signingKey());
        assertEquals(List.of("staff"), fx.store.user("alice").orElseThrow().groups());
        List<AuditRecord> audit = fx.store.audit(Instant.EPOCH);
        assertEquals(1, audit.size());
        assertEquals("enroll", audit.get(0).action());
        assertEquals(id.toString(), audit.get(0).subject());
    }

    @Test
    void policyViewListsTheUsersInTheStoreThePolicyLetsTheDeviceContact() throws Exception {
        fx.enroll("bob", "bob phone");
        fx.enroll("gary", "gary laptop");

        EnrollResponse alice = fx.service.enroll(ServiceFixture.newDevice(fx.invite("alice"), "laptop").request(), SOURCE);

        assertEquals(1, alice.policy().version());
        assertEquals(Map.of(
                "alice", Map.of("CALL", "VOICE", "CHAT", "INTERACTIVE", "FILE", "BULK"),
                "bob", Map.of("CALL", "VOICE", "CHAT", "INTERACTIVE", "FILE", "BULK")), alice.policy().peers());
        EnrollResponse gary = fx.service.enroll(ServiceFixture.newDevice(fx.invite("gary"), "tablet").request(), SOURCE);
        assertEquals(Map.of(
                "alice", Map.of("CALL", "INTERACTIVE", "CHAT", "INTERACTIVE"),
                "bob", Map.of("CALL", "INTERACTIVE", "CHAT", "INTERACTIVE")), gary.policy().peers());
    }

    @Test
    void badRequestsAreRefusedAndPersistNothing() throws Exception {
        String code = fx.invite("alice");
        NewDevice good = ServiceFixture.newDevice(code, "laptop");
        EnrollRequest ok = good.request();
        Persisted before = fx.persisted();
        byte[] zero = new byte[32];
        byte[] orderOne = new byte[32];
        orderOne[0] = 1;
        List<EnrollRequest> bad = List.of(
                new EnrollRequest("not-a-code", ok.deviceName(), ok.signingKey(), ok.noiseKey()),
                new EnrollRequest(null, ok.deviceName(), ok.signingKey(), ok.noiseKey()),
                new EnrollRequest(code, "", ok.signingKey(), ok.noiseKey()),
                new EnrollRequest(code, "   ", ok.signingKey(), ok.noiseKey()),
                new EnrollRequest(code, "x".repeat(65), ok.signingKey(), ok.noiseKey()),
                new EnrollRequest(code, "evil\nname", ok.signingKey(), ok.noiseKey()),
                new EnrollRequest(code, "a/b", ok.signingKey(), ok.noiseKey()),
                new EnrollRequest(code, "a\\b", ok.signingKey(), ok.noiseKey()),
                new EnrollRequest(code, "..", ok.signingKey(), ok.noiseKey()),
                new EnrollRequest(code, ".", ok.signingKey(), ok.noiseKey()),
                new EnrollRequest(code, null, ok.signingKey(), ok.noiseKey()),
                new EnrollRequest(code, ok.deviceName(), "!!!", ok.noiseKey()),
                new EnrollRequest(code, ok.deviceName(), ok.noiseKey(), ok.noiseKey()), // raw bytes, not SPKI
                new EnrollRequest(code, ok.deviceName(), null, ok.noiseKey()),
                new EnrollRequest(code, ok.deviceName(), ok.signingKey(), ServiceFixture.base64(new byte[31])),
                new EnrollRequest(code, ok.deviceName(), ok.signingKey(), ServiceFixture.base64(zero)),
                new EnrollRequest(code, ok.deviceName(), ok.signingKey(), ServiceFixture.base64(orderOne)),
                new EnrollRequest(code, ok.deviceName(), ok.signingKey(), null));

        for (EnrollRequest request : bad) {
            ApiException e = assertThrows(ApiException.class, () -> fx.service.enroll(request, SOURCE), request::toString);
            assertEquals(400, e.status(), request::toString);
            assertEquals("invalid_request", e.code(), request::toString);
        }
        assertEquals("invalid_request", assertThrows(ApiException.class, () -> fx.service.enroll(null, SOURCE)).code());

        assertEquals(before, fx.persisted());
        assertNull(fx.store.invite(InviteCode.parse(code).id()).orElseThrow().usedAt());
        assertEquals(0, fx.store.recentFailures(SOURCE, Instant.EPOCH));
        // The invite is still good for a correct request.
        fx.service.enroll(ok, SOURCE);
    }

    @Test
    void unknownInviteOrWrongSecretIsRefusedAndOnlyCountedAsAFailure() throws Exception {
        String code = fx.invite("alice");
        InviteCode real = InviteCode.parse(code);
        String wrongSecret = real.id() + "." + InviteCode.generate(ServiceFixture.RANDOM).encoded().split("\\.")[1];
        String unknownId = InviteCode.generate(ServiceFixture.RANDOM).encoded();
        Persisted before = fx.persisted();

        for (String attempt : List.of(wrongSecret, unknownId)) {
            ApiException e = assertThrows(ApiException.class,
                    () -> fx.service.enroll(ServiceFixture.newDevice(attempt, "laptop").request(), SOURCE));
            assertEquals(403, e.status());
            assertEquals("invite_unknown", e.code());
        }

        assertEquals(before, fx.persisted());
        assertEquals(2, fx.store.recentFailures(SOURCE, Instant.EPOCH));
        assertNull(fx.store.invite(real.id()).orElseThrow().usedAt());
    }

    @Test
    void anInviteWorksOnce() throws Exception {
        String code = fx.invite("alice");
        fx.service.enroll(ServiceFixture.newDevice(code, "laptop").request(), SOURCE);
        Persisted before = fx.persisted();

        ApiException e = assertThrows(ApiException.class,
                () -> fx.service.enroll(ServiceFixture.newDevice(code, "phone").request(), SOURCE));

        assertEquals(409, e.status());
        assertEquals("invite_used", e.code());
        assertEquals(before, fx.persisted());
        assertEquals(0, fx.store.recentFailures(SOURCE, Instant.EPOCH));
    }

    @Test
    void ofTwoConcurrentEnrollmentsWithOneInviteExactlyOneWins() throws Exception {
        for (int round = 0; round < 5; round++) {
            String code = fx.invite("alice");
            int devicesBefore = fx.store.devices().size();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<EnrollResponse>> results = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    NewDevice device = ServiceFixture.newDevice(code, "device " + i);
                    Callable<EnrollResponse> enroll = () -> {
                        start.await();
                        return fx.service.enroll(device.request(), SOURCE);
                    };
                    results.add(pool.submit(enroll));
                }
                start.countDown();
                int won = 0;
                int used = 0;
                for (Future<EnrollResponse> result : results) {
                    try {
                        assertNotNull(result.get().deviceId());
                        won++;
                    } catch (java.util.concurrent.ExecutionException e) {
                        ApiException refusal = (ApiException) e.getCause();
                        assertEquals("invite_used", refusal.code());
                        used++;
                    }
                }
                assertEquals(1, won);
                assertEquals(1, used);
                assertEquals(devicesBefore + 1, fx.store.devices().size());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void anExpiredInviteIsRefused() throws Exception {
        String code = fx.invite("alice", Duration.ofHours(1));
        fx.clock.advance(Duration.ofHours(1));
        Persisted before = fx.persisted();

        ApiException e = assertThrows(ApiException.class,
                () -> fx.service.enroll(ServiceFixture.newDevice(code, "laptop").request(), SOURCE));

        assertEquals(410, e.status());
        assertEquals("invite_expired", e.code());
        assertEquals(before, fx.persisted());
        assertNull(fx.store.invite(InviteCode.parse(code).id()).orElseThrow().usedAt());
    }

    @Test
    void anInviteJustBeforeItsExpiryWorks() throws Exception {
        String code = fx.invite("alice", Duration.ofHours(1));
        fx.clock.advance(Duration.ofMinutes(59));

        assertEquals("alice", fx.service.enroll(ServiceFixture.newDevice(code, "laptop").request(), SOURCE).user());
    }

    @Test
    void tooManyFailuresFromOneAddressAreRateLimitedUntilTheWindowPasses() throws Exception {
        String good = fx.invite("alice");
        for (int i = 0; i < 10; i++) {
            String guess = InviteCode.generate(ServiceFixture.RANDOM).encoded();
            assertEquals("invite_unknown", assertThrows(ApiException.class,
                    () -> fx.service.enroll(ServiceFixture.newDevice(guess, "x").request(), SOURCE)).code());
        }
        Persisted before = fx.persisted();

        ApiException limited = assertThrows(ApiException.class,
                () -> fx.service.enroll(ServiceFixture.newDevice(good, "laptop").request(), SOURCE));

        assertEquals(429, limited.status());
        assertEquals("rate_limited", limited.code());
        assertEquals(before, fx.persisted());
        assertEquals(10, fx.store.recentFailures(SOURCE, Instant.EPOCH), "a refused attempt is not counted again");
        // Another address is not affected, and the limited one recovers after the window.
        String other = fx.invite("bob");
        fx.service.enroll(ServiceFixture.newDevice(other, "phone").request(), "203.0.113.9");
        fx.clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        assertEquals("alice", fx.service.enroll(ServiceFixture.newDevice(good, "laptop").request(), SOURCE).user());
    }

    @Test
    void anInviteWhoseGroupsCannotBeCertifiedIsRefusedWithoutUsingIt() throws Exception {
        String code = fx.invite("alice", "x".repeat(300));
        Persisted before = fx.persisted();

        ApiException e = assertThrows(ApiException.class,
                () -> fx.service.enroll(ServiceFixture.newDevice(code, "laptop").request(), SOURCE));

        assertEquals("invalid_request", e.code());
        assertEquals(before, fx.persisted());
        assertNull(fx.store.invite(InviteCode.parse(code).id()).orElseThrow().usedAt());
    }
}
