package io.ngisec.client.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ngisec.client.identity.DeviceKeys;
import io.ngisec.client.identity.EnrolledIdentity;
import io.ngisec.client.testing.PolicyServerProcess;
import io.ngisec.client.testing.SignalingEvents;
import io.ngisec.protocol.enroll.Invite;
import io.ngisec.protocol.identity.DeviceCertificate;
import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.qos.Service;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Directory, authorization, signaling and revocation against a real policy server process. */
class PolicyServerClientTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Members of group "nofiles" may not send files; everything else is allowed. */
    private static final String POLICY = """
            {
              "rules": [
                { "name": "no-files", "action": "deny", "from": ["group:nofiles"], "to": ["*"], "services": ["file"] },
                { "name": "everyone", "action": "allow", "from": ["*"], "to": ["*"],
                  "services": { "call": "voice", "chat": "interactive", "file": "bulk" } },
              ],
            }
            """;

    @TempDir
    static Path dir;

    private static PolicyServerProcess server;

    @BeforeAll
    static void startServer() throws Exception {
        server = PolicyServerProcess.start(dir);
        server.applyPolicy(POLICY);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private static EnrolledIdentity enroll(String user, String... groups) throws ServerException {
        return PolicyServerClient.enroll(Invite.parse(server.invite(user, groups)), user + "-device",
                DeviceKeys.generate(RANDOM));
    }

    @Test
    void theDirectoryListsTheOtherDeviceAndItsPresence() throws Exception {
        EnrolledIdentity alice = enroll("alice");
        EnrolledIdentity bob = enroll("bob");
        try (PolicyServerClient aliceClient = PolicyServerClient.open(alice)) {
            DirectoryEntry offline = entry(aliceClient.directory(), bob);
            assertThat(offline.user()).isEqualTo("bob");
            assertThat(offline.deviceName()).isEqualTo("bob-device");
            assertThat(offline.online()).isFalse();
            assertThat(offline.services()).containsEntry(Service.CALL, QosClass.VOICE)
                    .containsEntry(Service.FILE, QosClass.BULK);

            SignalingEvents bobEvents = new SignalingEvents();
            try (SignalingClient bobSignaling = SignalingClient.start(bob, bobEvents)) {
                bobEvents.next(SignalingEvent.Connected.class);
                assertThat(bobSignaling.connectionState()).isEqualTo(ConnectionState.CONNECTED);
                assertThat(awaitPresence(aliceClient, bob, true).online()).isTrue();
            }
            assertThat(awaitPresence(aliceClient, bob, false).online()).isFalse();
        }
    }

    @Test
    void authorizationGivesATicketOrNamesTheRuleThatDenied() throws Exception {
        EnrolledIdentity dave = enroll("dave", "nofiles");
        EnrolledIdentity erin = enroll("erin");
        try (PolicyServerClient client = PolicyServerClient.open(dave)) {
            Authorization call = client.authorize(erin.deviceId(), Set.of(Service.CALL, Service.CHAT));
            assertThat(call.allowed()).isTrue();
            assertThat(call.grants()).isEqualTo(Map.of(Service.CALL, QosClass.VOICE, Service.CHAT, QosClass.INTERACTIVE));
            assertThat(call.ticket()).hasValueSatisfying(t -> {
                assertThat(t.ticket().initiator()).isEqualTo(dave.deviceId());
                assertThat(t.ticket().responder()).isEqualTo(erin.deviceId());
            });
            assertThat(call.expiresAt()).hasValueSatisfying(at -> assertThat(at).isAfter(Instant.now()));
            assertThat(call.rule()).isEqualTo("everyone");

            Authorization file = client.authorize(erin.deviceId(), Set.of(Service.FILE));
            assertThat(file.allowed()).isFalse();
            assertThat(file.ticket()).isEmpty();
            assertThat(file.grants()).isEmpty();
            assertThat(file.rule()).isEqualTo("no-files");
            assertThat(file.reason()).contains("no-files");
        }
        try (PolicyServerClient client = PolicyServerClient.open(erin)) {
            assertThat(client.authorize(dave.deviceId(), Set.of(Service.FILE)).allowed()).isTrue();
        }
    }

    @Test
    void signalingRelaysABodyFromOneDeviceToTheOther() throws Exception {
        EnrolledIdentity frank = enroll("frank");
        EnrolledIdentity gina = enroll("gina");
        SignalingEvents frankEvents = new SignalingEvents();
        SignalingEvents ginaEvents = new SignalingEvents();
        try (SignalingClient frankSignaling = SignalingClient.start(frank, frankEvents);
                SignalingClient ginaSignaling = SignalingClient.start(gina, ginaEvents)) {
            frankEvents.next(SignalingEvent.Connected.class);
            ginaEvents.next(SignalingEvent.Connected.class);

            String body = "{\"kind\":\"offer\",\"candidates\":[\"host 127.0.0.1 5000\"],\"n\":1}";
            frankSignaling.send(gina.deviceId(), body).join();
            SignalingEvent.Signal signal = ginaEvents.next(SignalingEvent.Signal.class);
            assertThat(signal.from()).isEqualTo(frank.deviceId());
            assertThat(signal.bodyJson()).isEqualTo(body);

            assertThatThrownBy(() -> frankSignaling.send(gina.deviceId(), "[1,2]"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> frankSignaling.send(gina.deviceId(), "{\"pad\":\"" + "x".repeat(3100) + "\"}"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aSignalToADeviceWithoutAConnectionComesBackOffline() throws Exception {
        EnrolledIdentity hank = enroll("hank");
        EnrolledIdentity ivy = enroll("ivy");
        SignalingEvents events = new SignalingEvents();
        try (SignalingClient signaling = SignalingClient.start(hank, events)) {
            events.next(SignalingEvent.Connected.class);
            signaling.send(ivy.deviceId(), "{}").join();
            assertThat(events.next(SignalingEvent.Offline.class).to()).isEqualTo(ivy.deviceId());
        }
        try (SignalingClient closed = SignalingClient.start(hank, e -> { })) {
            closed.close();
            assertThat(closed.connectionState()).isEqualTo(ConnectionState.CLOSED);
            assertThatThrownBy(() -> closed.send(ivy.deviceId(), "{}")).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aRevokedDeviceLosesSignalingAndIsRefused() throws Exception {
        EnrolledIdentity mallory = enroll("mallory");
        EnrolledIdentity judy = enroll("judy");
        SignalingEvents malloryEvents = new SignalingEvents();
        SignalingEvents judyEvents = new SignalingEvents();
        try (SignalingClient mallorySignaling = SignalingClient.start(mallory, malloryEvents);
                SignalingClient judySignaling = SignalingClient.start(judy, judyEvents);
                PolicyServerClient malloryClient = PolicyServerClient.open(mallory);
                PolicyServerClient judyClient = PolicyServerClient.open(judy)) {
            malloryEvents.next(SignalingEvent.Connected.class);
            judyEvents.next(SignalingEvent.Connected.class);

            server.revoke("mallory");

            assertThat(malloryEvents.next(SignalingEvent.Revoked.class).deviceId()).isEqualTo(mallory.deviceId());
            assertThat(malloryEvents.next(SignalingEvent.Disconnected.class).reason()).isEqualTo("this device was revoked");
            assertThat(mallorySignaling.connectionState()).isEqualTo(ConnectionState.REVOKED);
            assertThat(judyEvents.next(SignalingEvent.Revoked.class).deviceId()).isEqualTo(mallory.deviceId());
            assertThat(judySignaling.connectionState()).isEqualTo(ConnectionState.CONNECTED);

            assertThatThrownBy(() -> malloryClient.authorize(judy.deviceId(), Set.of(Service.CHAT)))
                    .isInstanceOfSatisfying(ServerException.class, e -> {
                        assertThat(e.status()).isEqualTo(403);
                        assertThat(e.code()).isEqualTo("revoked");
                        assertThat(e.getMessage()).isEqualTo("this device was revoked");
                    });
            Revocations revocations = judyClient.revocations();
            assertThat(revocations.deviceIds()).contains(mallory.deviceId());
            DeviceCertificate revoked = DeviceCertificate.parse(mallory.deviceCertificate());
            assertThat(revocations.serials()).contains(revoked.serial());
            assertThat(revocations.checker().isRevoked(revoked)).isTrue();
            assertThat(judyClient.directory()).noneMatch(e -> e.deviceId().equals(mallory.deviceId()));
        }
    }

    @Test
    void withoutTurnConfiguredThereAreNoTurnCredentials() throws Exception {
        try (PolicyServerClient client = PolicyServerClient.open(enroll("kim"))) {
            assertThat(client.turnCredentials()).isEmpty();
        }
    }

    private static DirectoryEntry entry(List<DirectoryEntry> directory, EnrolledIdentity device) {
        return directory.stream().filter(e -> e.deviceId().equals(device.deviceId())).findFirst()
                .orElseThrow(() -> new AssertionError(device.deviceId() + " not in " + directory));
    }

    /** Presence is recorded asynchronously: polls the directory until it shows {@code online} (bounded). */
    private static DirectoryEntry awaitPresence(PolicyServerClient client, EnrolledIdentity device, boolean online)
            throws Exception {
        DirectoryEntry last = null;
        for (int i = 0; i < 100; i++) {
            last = entry(client.directory(), device);
            if (last.online() == online) {
                return last;
            }
            Thread.sleep(100);
        }
        return last;
    }
}
