package io.ngisec.server.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ngisec.protocol.api.Messages.DirectoryEntry;
import io.ngisec.protocol.api.Messages.RenewRequest;
import io.ngisec.protocol.api.Messages.RenewResponse;
import io.ngisec.protocol.api.Messages.RevocationList;
import io.ngisec.protocol.api.Messages.TurnCredentials;
import io.ngisec.protocol.identity.CertificateVerifier;
import io.ngisec.protocol.identity.DeviceCertificate;
import io.ngisec.protocol.identity.DeviceId;
import io.ngisec.protocol.identity.RevocationChecker;
import io.ngisec.server.api.ApiException;
import io.ngisec.server.service.ServiceFixture.Persisted;
import io.ngisec.server.store.StoredDevice;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Directory, renewal, TURN, revocations and the signaling policy. */
class PolicyServiceDirectoryTest {

    private static final byte[] TURN_SECRET = "coturn static-auth-secret".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private ServiceFixture fx;
    private DeviceId alice;
    private DeviceId aliceTablet;
    private DeviceId bob;
    private DeviceId gary;
    private DeviceId mallory;

    @BeforeEach
    void setUp() throws Exception {
        fx = new ServiceFixture(dir, ServiceSettings.defaults()
                .withTurn(TurnSettings.of(List.of("turn:turn.acme.example:3478", "stun:turn.acme.example"), TURN_SECRET)));
        alice = fx.enroll("alice", "laptop");
        aliceTablet = fx.enroll("alice", "tablet");
        bob = fx.enroll("bob", "phone");
        gary = fx.enroll("gary", "laptop");
        mallory = fx.enroll("mallory", "pc");
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void directoryListsTheDevicesThePolicyLetsTheCallerContactWithPresence() throws Exception {
        fx.store.setPresence(bob, "instance-a", true);

        List<DirectoryEntry> entries = fx.service.directory(alice).entries();

        Map<String, String> all = Map.of("CALL", "VOICE", "CHAT", "INTERACTIVE", "FILE", "BULK");
        assertEquals(List.of(
                new DirectoryEntry("alice", aliceTablet.toString(), "tablet", false, all),
                new DirectoryEntry("bob", bob.toString(), "phone", true, all)), entries);
    }

    @Test
    void directoryOfAGuestShowsItsNarrowerServicesAndSkipsRevokedDevices() throws Exception {
        fx.store.revokeDevice(aliceTablet, fx.clock.instant());

        List<DirectoryEntry> entries = fx.service.directory(gary).entries();

        Map<String, String> guest = Map.of("CALL", "INTERACTIVE", "CHAT", "INTERACTIVE");
        assertEquals(List.of(
                new DirectoryEntry("alice", alice.toString(), "laptop", false, guest),
                new DirectoryEntry("bob", bob.toString(), "phone", false, guest)), entries);
        assertEquals(List.of(), fx.service.directory(mallory).entries());
    }

    @Test
    void directoryRefusesUnknownAndRevokedCallers() throws Exception {
        assertEquals("unknown_device", assertThrows(ApiException.class, () -> fx.service.directory(DeviceId.random())).code());
        fx.store.revokeDevice(bob, fx.clock.instant());
        ApiException revoked = assertThrows(ApiException.class, () -> fx.service.directory(bob));
        assertEquals(403, revoked.status());
        assertEquals("revoked", revoked.code());
    }

    @Test
    void renewIssuesAFreshCertificateAndCanChangeTheNoiseKey() throws Exception {
        StoredDevice before = fx.store.device(alice).orElseThrow();
        fx.clock.advance(Duration.ofDays(6));
        byte[] newNoise = ServiceFixture.newDevice("unused", "x").noisePublic();

        RenewResponse response = fx.service.renew(alice, new RenewRequest(ServiceFixture.base64(newNoise)));

        CertificateVerifier verifier = new CertificateVerifier(fx.ca.certificate(), RevocationChecker.NONE, fx.clock);
        DeviceCertificate certificate = verifier.verify(Base64.getDecoder().decode(response.certificate()));
        assertEquals(alice, certificate.deviceId());
        assertEquals("laptop", certificate.identity().deviceName());
        assertTrue(certificate.identity().hasNoiseStaticKey(newNoise));
        assertEquals(fx.clock.instant().plus(Duration.ofDays(7)), certificate.notAfter());
        assertEquals(certificate.notAfter().toString(), response.notAfter());
        StoredDevice after = fx.store.device(alice).orElseThrow();
        assertNotEquals(before.serial(), after.serial());
        assertEquals(certificate.serial(), after.serial());
        assertArrayEquals(newNoise, after.noiseKey());
        assertEquals("renew", fx.store.audit(fx.clock.instant()).getLast().action());

        RenewResponse keep = fx.service.renew(alice, new RenewRequest(null));
        DeviceCertificate kept = verifier.verify(Base64.getDecoder().decode(keep.certificate()));
        assertTrue(kept.identity().hasNoiseStaticKey(newNoise));
    }

    @Test
    void renewRefusesRevokedUnknownDevicesAndBadKeysWithoutWriting() throws Exception {
        fx.store.revokeDevice(bob, fx.clock.instant());
        Persisted before = fx.persisted();

        ApiException revoked = assertThrows(ApiException.class, () -> fx.service.renew(bob, new RenewRequest(null)));
        assertEquals(403, revoked.status());
        assertEquals("revoked", revoked.code());
        assertEquals("unknown_device",
                assertThrows(ApiException.class, () -> fx.service.renew(DeviceId.random(), new RenewRequest(null))).code());
        ApiException badKey = assertThrows(ApiException.class,
                () -> fx.service.renew(alice, new RenewRequest(ServiceFixture.base64(new byte[32]))));
        assertEquals("invalid_request", badKey.code());
        assertEquals(before, fx.persisted());
    }

    @Test
    void turnCredentialsFollowTheCoturnRestScheme() throws Exception {
        TurnCredentials credentials = fx.service.turnCredentials(alice);

        long expiry = fx.clock.instant().getEpochSecond() + Duration.ofHours(12).toSeconds();
        assertEquals(expiry + ":" + alice, credentials.username());
        assertEquals(Duration.ofHours(12).toSeconds(), credentials.ttlSeconds());
        assertEquals(List.of("turn:turn.acme.example:3478", "stun:turn.acme.example"), credentials.uris());
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(TURN_SECRET, "HmacSHA1"));
        String expected = Base64.getEncoder().encodeToString(
                mac.doFinal(credentials.username().getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, credentials.password());
    }

    @Test
    void turnCredentialsNeedTurnConfigured(@TempDir Path other) throws Exception {
        try (ServiceFixture plain = new ServiceFixture(other)) {
            DeviceId device = plain.enroll("alice", "laptop");
            ApiException e = assertThrows(ApiException.class, () -> plain.service.turnCredentials(device));
            assertEquals(404, e.status());
            assertEquals("turn_not_configured", e.code());
        }
    }

    @Test
    void revocationListNamesRevokedDevicesAndTheirLastSerials() throws Exception {
        assertEquals(new RevocationList(0, List.of(), List.of()), fx.service.revocations());
        fx.store.revokeDevice(gary, fx.clock.instant());

        RevocationList list = fx.service.revocations();

        assertEquals(1, list.version());
        assertEquals(List.of(gary.toString()), list.deviceIds());
        assertEquals(List.of(fx.store.device(gary).orElseThrow().serial().toString(16)), list.serials());
    }

    @Test
    void mayConnectOnlyLiveDevices() throws Exception {
        assertTrue(fx.service.mayConnect(alice));
        assertFalse(fx.service.mayConnect(DeviceId.random()));
        fx.store.revokeDevice(alice, fx.clock.instant());
        assertFalse(fx.service.mayConnect(alice));
    }

    @Test
    void maySignalWhenThePolicyLetsEitherSideContactTheOther() throws Exception {
        assertTrue(fx.service.maySignal(alice, bob));
        assertTrue(fx.service.maySignal(gary, alice), "gary may call alice");
        assertTrue(fx.service.maySignal(alice, gary), "alice must be able to answer gary");
        assertFalse(fx.service.maySignal(mallory, alice));
        assertFalse(fx.service.maySignal(alice, mallory));
        assertFalse(fx.service.maySignal(alice, DeviceId.random()));
        assertFalse(fx.service.maySignal(null, alice));
        fx.store.revokeDevice(bob, fx.clock.instant());
        fx.service.refresh(); // as the server's change watcher does on every revocation
        assertFalse(fx.service.maySignal(alice, bob));
        assertFalse(fx.service.maySignal(bob, alice));
    }

    @Test
    void aStoreFailureIsUnavailableNotACrash() throws Exception {
        fx.store.close();

        for (ThrowingCall call : List.<ThrowingCall>of(
                () -> fx.service.directory(alice),
                () -> fx.service.authorize(alice, new io.ngisec.protocol.api.Messages.AuthorizeRequest(bob.toString(), List.of("CALL"))),
                () -> fx.service.renew(alice, new RenewRequest(null)),
                () -> fx.service.turnCredentials(alice),
                fx.service::revocations,
                () -> fx.service.enroll(ServiceFixture.newDevice(
                        io.ngisec.protocol.enroll.InviteCode.generate(ServiceFixture.RANDOM).encoded(), "x").request(), "1.2.3.4"))) {
            ApiException e = assertThrows(ApiException.class, call::run);
            assertEquals(503, e.status());
            assertEquals("unavailable", e.code());
        }
        assertFalse(fx.service.mayConnect(alice));
        assertFalse(fx.service.maySignal(alice, bob));
        assertThrows(io.ngisec.server.store.StoreException.class, fx.service::refresh);
        assertEquals(1, fx.service.policyVersion(), "a failed refresh keeps the policy in effect");
    }

    @FunctionalInterface
    private interface ThrowingCall {
        void run() throws Exception;
    }
}
