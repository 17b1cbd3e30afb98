package io.ngisec.server.e2e;

import io.ngisec.server.testing.RecordingWebSocket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.ngisec.protocol.enroll.InviteCode;
import io.ngisec.protocol.identity.CertificateVerifier;
import io.ngisec.protocol.identity.DeviceCertificate;
import io.ngisec.protocol.identity.OrgCaCertificate;
import io.ngisec.protocol.identity.RevocationList;
import io.ngisec.protocol.identity.SessionTicket;
import io.ngisec.protocol.identity.TicketSignerCertificate;
import io.ngisec.protocol.identity.TicketVerifier;
import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.qos.Service;
import io.ngisec.server.instance.ServerInstance;
import io.ngisec.server.store.AuditRecord;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The policy server's user flows over real HTTPS and WebSockets, with the JDK HttpClient as the
 * device: enrollment, renewal, directory, authorization, signaling, revocation, invites, policy
 * changes. Subclasses choose the database; the same tests run on H2 and PostgreSQL.
 */
abstract class PolicyServerFlowsContract {

    static final String POLICY = """
            {
              "groups": { "guest": ["gary"] },
              "rules": [
                { "name": "guests-no-files", "action": "deny", "from": ["group:guest"], "to": ["*"],
                  "services": ["file"] },
                { "name": "staff", "action": "allow", "from": ["group:staff"], "to": ["group:staff"],
                  "services": { "call": "voice", "chat": "interactive", "file": "bulk" }, "maxFileSize": "1 GiB" },
                { "name": "guest-chat", "action": "allow", "from": ["group:guest"], "to": ["group:staff"],
                  "services": ["chat"] },
              ],
            }
            """;

    TestOrg org;
    ServerInstance server;

    abstract TestDatabase database() throws Exception;

    @BeforeEach
    void startServer() throws Exception {
        org = new TestOrg(database(), POLICY);
        server = org.start();
    }

    @AfterEach
    void stopServer() throws Exception {
        // Null when the set-up was skipped (no PostgreSQL configured).
        if (org != null) {
            org.close();
        }
    }

    TestDevice enrolled(String user, String... groups) throws Exception {
        TestDevice device = new TestDevice(org, server.port());
        HttpResponse<String> response = device.enroll(org.invite(user, groups).encoded(), user + "-laptop");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return device;
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        return TestDevice.JSON.readTree(response.body());
    }

    List<AuditRecord> audit() throws Exception {
        return org.admin().audit(Instant.EPOCH);
    }

    @Test
    void enrollmentIssuesACertificateForTheDevicesOwnKeysThatChainsToTheCa() throws Exception {
        TestDevice alice = enrolled("alice", "staff");

        JsonNode body = alice.enrollment;
        OrgCaCertificate ca = OrgCaCertificate.parse(Base64.getDecoder().decode(body.path("caCertificate").asText()));
        assertThat(ca.encoded()).isEqualTo(org.ca.certificate().encoded());
        DeviceCertificate verified = new CertificateVerifier(ca, new RevocationList(), Clock.systemUTC())
                .verify(alice.certificate.encoded());
        assertThat(verified.identity().user()).isEqualTo("alice");
        assertThat(verified.identity().groups()).containsExactly("staff");
        assertThat(verified.identity().deviceName()).isEqualTo("alice-laptop");
        assertThat(verified.identity().noiseStaticKey()).isEqualTo(alice.noisePublic);
        assertThat(verified.publicKey().getEncoded()).isEqualTo(alice.signing.getPublic().getEncoded());
        assertThat(verified.notAfter()).isBetween(Instant.now().plus(Duration.ofDays(6)), Instant.now().plus(Duration.ofDays(8)));
        assertThat(body.path("ticketSigners")).hasSize(1);
        assertThat(org.db.rows("devices")).isEqualTo(1);
        assertThat(audit()).anySatisfy(a -> assertThat(a.action()).isEqualTo("enroll"));
    }

    @Test
    void theDirectoryListsWhomTheDeviceMayContactWithPresence() throws Exception {
        TestDevice alice = enrolled("alice", "staff");
        TestDevice bob = enrolled("bob", "staff");
        TestDevice carol = enrolled("carol", "staff");
        enrolled("mallory", "outsiders");
        RecordingWebSocket bobSocket = bob.connect();

        JsonNode entries = json(alice.call("GET", "/v1/directory", null)).path("entries");

        Map<String, JsonNode> byUser = new java.util.HashMap<>();
        entries.forEach(e -> byUser.put(e.path("user").asText(), e));
        assertThat(byUser).containsOnlyKeys("bob", "carol");
        assertThat(byUser.get("bob").path("online").asBoolean()).isTrue();
        assertThat(byUser.get("carol").path("online").asBoolean()).isFalse();
        assertThat(byUser.get("bob").path("deviceId").asText()).isEqualTo(bob.id.toString());
        assertThat(byUser.get("bob").path("services").path("CALL").asText()).isEqualTo("VOICE");
        bobSocket.close();
        assertThat(carol.id).isNotNull();
    }

    @Test
    void renewalGivesAFreshCertificateOptionallyForANewNoiseKey() throws Exception {
        TestDevice alice = enrolled("alice", "staff");
        byte[] newNoise = io.ngisec.protocol.noise.DhKeyPair.generate(TestOrg.RANDOM).publicKey();

        HttpResponse<String> response = alice.call("POST", "/v1/renew",
                "{\"noiseKey\":\"" + Base64.getEncoder().encodeToString(newNoise) + "\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        DeviceCertificate renewed = DeviceCertificate.parse(Base64.getDecoder().decode(json(response).path("certificate").asText()));
        assertThat(renewed.serial()).isNotEqualTo(alice.certificate.serial());
        assertThat(renewed.identity().deviceId()).isEqualTo(alice.id);
        assertThat(renewed.identity().noiseStaticKey()).isEqualTo(newNoise);
        alice.adopt(json(response).path("certificate").asText());
        assertThat(alice.call("GET", "/v1/directory", null).statusCode()).isEqualTo(200);
    }

    @Test
    void anAllowedAuthorizationGivesATicketThePeerCanVerify() throws Exception {
        TestDevice alice = enrolled("alice", "staff");
        TestDevice bob = enrolled("bob", "staff");

        HttpResponse<String> response = alice.authorize(bob.id, "CALL", "FILE");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("allowed").asBoolean()).isTrue();
        List<TicketSignerCertificate> signers = new ArrayList<>();
        CertificateVerifier verifier = new CertificateVerifier(org.ca.certificate(), new RevocationList(), Clock.systemUTC());
        for (JsonNode signer : bob.enrollment.path("ticketSigners")) {
            signers.add(verifier.verifyTicketSigner(Base64.getDecoder().decode(signer.asText())));
        }
        SessionTicket ticket = new TicketVerifier(signers, Clock.systemUTC())
                .verify(Base64.getDecoder().decode(body.path("ticket").asText()));
        assertThat(ticket.initiator()).isEqualTo(alice.id);
        assertThat(ticket.responder()).isEqualTo(bob.id);
        assertThat(ticket.grants()).containsExactlyInAnyOrderEntriesOf(Map.of(Service.CALL, QosClass.VOICE, Service.FILE, QosClass.BULK));
        assertThat(ticket.maxFileSize()).isEqualTo(1L << 30);
        assertThat(audit()).anySatisfy(a -> assertThat(a.action() + " " + a.detail()).contains("authorize").contains("staff"));
    }

    @Test
    void aDeniedAuthorizationNamesTheRuleAndIsAudited() throws Exception {
        TestDevice alice = enrolled("alice", "staff");
        TestDevice gary = enrolled("gary");
        TestDevice mallory = enrolled("mallory", "outsiders");

        JsonNode garyFile = json(gary.authorize(alice.id, "FILE"));
        assertThat(garyFile.path("allowed").asBoolean()).isFalse();
        assertThat(garyFile.path("rule").asText()).isEqualTo("guests-no-files");
        assertThat(garyFile.path("ticket").isNull() || garyFile.path("ticket").isMissingNode()).isTrue();

        JsonNode garyChat = json(gary.authorize(alice.id, "CHAT"));
        assertThat(garyChat.path("allowed").asBoolean()).isTrue();

        JsonNode malloryCall = json(mallory.authorize(alice.id, "CALL"));
        assertThat(malloryCall.path("allowed").asBoolean()).isFalse();
        assertThat(malloryCall.path("rule").asText()).isEqualTo("default-deny");
        assertThat(audit()).anySatisfy(a -> assertThat(a.detail()).contains("denied").contains("guests-no-files"));
    }

    @Test
    void signalingReachesAnAuthorizedPeerAndSaysWhenItCannot() throws Exception {
        TestDevice alice = enrolled("alice", "staff");
        TestDevice bob = enrolled("bob", "staff");
        TestDevice carol = enrolled("carol", "staff");
        TestDevice mallory = enrolled("mallory", "outsiders");
        RecordingWebSocket aliceSocket = alice.connect();
        RecordingWebSocket bobSocket = bob.connect();
        mallory.connect();

        aliceSocket.send("{\"type\":\"signal\",\"to\":\"" + bob.id + "\",\"body\":{\"ice\":\"offer\",\"ufrag\":\"a1\"}}");
        JsonNode relayed = bobSocket.next("signal");
        assertThat(relayed.path("from").asText()).isEqualTo(alice.id.toString());
        assertThat(relayed.path("body").path("ufrag").asText()).isEqualTo("a1");

        bobSocket.send("{\"type\":\"signal\",\"to\":\"" + alice.id + "\",\"body\":{\"ice\":\"answer\"}}");
        assertThat(aliceSocket.next("signal").path("body").path("ice").asText()).isEqualTo("answer");

        aliceSocket.send("{\"type\":\"signal\",\"to\":\"" + carol.id + "\",\"body\":{}}");
        assertThat(aliceSocket.next("offline").path("to").asText()).isEqualTo(carol.id.toString());

        aliceSocket.send("{\"type\":\"signal\",\"to\":\"" + mallory.id + "\",\"body\":{}}");
        assertThat(aliceSocket.next("denied").path("to").asText()).isEqualTo(mallory.id.toString());
    }

    @Test
    void aRevokedDeviceIsPushedOutAndRefusedEverywhere() throws Exception {
        TestDevice alice = enrolled("alice", "staff");
        TestDevice bob = enrolled("bob", "staff");
        RecordingWebSocket aliceSocket = alice.connect();
        RecordingWebSocket bobSocket = bob.connect();

        long start = System.nanoTime();
        assertThat(org.admin().revokeDevice(bob.id, Instant.now())).isTrue();
        JsonNode pushed = aliceSocket.next("revoked");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(pushed.path("deviceId").asText()).isEqualTo(bob.id.toString());
        assertThat(took).isLessThan(Duration.ofSeconds(5));
        assertThat(bobSocket.closeCode()).isEqualTo(4003);
        assertError(bob.authorize(alice.id, "CALL"), 403, "revoked");
        assertError(bob.call("POST", "/v1/renew", "{}"), 403, "revoked");
        assertThatThrownBy(bob::connect).isNotNull();
        assertError(alice.authorize(bob.id, "CALL"), 403, "revoked");
        JsonNode revocations = json(alice.anonymous("GET", "/v1/revocations", null));
        assertThat(revocations.path("deviceIds").toString()).contains(bob.id.toString());
        assertThat(revocations.path("serials").toString()).contains(bob.certificate.serial().toString(16));
    }

    @Test
    void anInviteWorksOnceAndNotAfterItExpires() throws Exception {
        InviteCode code = org.invite("alice", "staff");
        assertThat(new TestDevice(org, server.port()).enroll(code.encoded(), "one").statusCode()).isEqualTo(200);
        assertError(new TestDevice(org, server.port()).enroll(code.encoded(), "two"), 409, "invite_used");

        InviteCode expired = org.invite("bob", List.of("staff"), Duration.ofSeconds(-1));
        assertError(new TestDevice(org, server.port()).enroll(expired.encoded(), "three"), 410, "invite_expired");
        assertThat(org.db.rows("devices")).isEqualTo(1);
    }

    @Test
    void aNewPolicyVersionIsPushedAndDecidesFromThenOn() throws Exception {
        TestDevice alice = enrolled("alice", "staff");
        TestDevice bob = enrolled("bob", "staff");
        RecordingWebSocket aliceSocket = alice.connect();
        assertThat(json(alice.authorize(bob.id, "FILE")).path("allowed").asBoolean()).isTrue();

        org.admin().savePolicy(POLICY.replace(
                "{ \"call\": \"voice\", \"chat\": \"interactive\", \"file\": \"bulk\" }, \"maxFileSize\": \"1 GiB\"",
                "{ \"call\": \"voice\", \"chat\": \"interactive\" }"), "admin", Instant.now());

        assertThat(aliceSocket.next("policy").path("version").asLong()).isEqualTo(2);
        JsonNode file = json(alice.authorize(bob.id, "FILE"));
        assertThat(file.path("allowed").asBoolean()).isFalse();
        assertThat(file.path("rule").asText()).isEqualTo("default-deny");
    }

    static void assertError(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("content-type").orElse("")).startsWith("application/json");
        assertThat(json(response).path("error").path("code").asText()).isEqualTo(code);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
