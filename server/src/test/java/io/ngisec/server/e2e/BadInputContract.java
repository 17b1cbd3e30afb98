package io.ngisec.server.e2e;

import static io.ngisec.server.e2e.PolicyServerFlowsContract.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.protocol.enroll.InviteCode;
import io.ngisec.protocol.identity.DeviceId;
import io.ngisec.protocol.identity.Ed25519Keys;
import io.ngisec.server.instance.ServerInstance;
import java.net.http.HttpResponse;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bad input over real HTTPS: each request gets a 4xx JSON error without a stack trace, and the
 * database holds exactly what it held before (read straight from its tables). Subclasses choose
 * the database.
 */
abstract class BadInputContract {

    private static final List<String> TABLES = List.of("users", "devices", "policy_versions", "audit_log", "presence");

    TestOrg org;
    ServerInstance server;
    TestDevice alice;
    InviteCode invite;

    abstract TestDatabase database() throws Exception;

    @BeforeEach
    void start() throws Exception {
        org = new TestOrg(database(), PolicyServerFlowsContract.POLICY);
        server = org.start();
        alice = new TestDevice(org, server.port());
        assertThat(alice.enroll(org.invite("alice", "staff").encoded(), "alice-laptop").statusCode()).isEqualTo(200);
        invite = org.invite("bob", "staff");
    }

    @AfterEach
    void stop() throws Exception {
        // Null when the set-up was skipped (no PostgreSQL configured).
        if (org != null) {
            org.close();
        }
    }

    private Map<String, Long> snapshot() throws Exception {
        Map<String, Long> rows = new HashMap<>();
        for (String table : TABLES) {
            rows.put(table, org.db.rows(table));
        }
        rows.put("invites used", usedInvites());
        return rows;
    }

    private long usedInvites() throws Exception {
        try (var c = org.db.connect(); var s = c.createStatement();
                var r = s.executeQuery("SELECT COUNT(*) FROM invites WHERE used_at IS NOT NULL")) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Sends a request through {@code call}, checks the error, and that nothing was persisted. */
    private void refused(Call call, int status, String code) throws Exception {
        Map<String, Long> before = snapshot();
        assertError(call.send(), status, code);
        assertThat(snapshot()).as("database after a refused request").isEqualTo(before);
    }

    @FunctionalInterface
    interface Call {
        HttpResponse<String> send() throws Exception;
    }

    private String enrollJson(Map<String, Object> overrides) throws Exception {
        TestDevice bob = new TestDevice(org, server.port());
        Map<String, Object> body = new HashMap<>(bob.enrollBody(invite.encoded(), "bob-phone"));
        body.putAll(overrides);
        return TestDevice.JSON.writeValueAsString(body);
    }

    private HttpResponse<String> enroll(String json) throws Exception {
        return alice.anonymous("POST", "/v1/enroll", json);
    }

    @Test
    void malformedJson() throws Exception {
        refused(() -> enroll("{\"invite\": "), 400, "malformed_json");
        refused(() -> enroll("[1,2"), 400, "malformed_json");
        refused(() -> alice.call("POST", "/v1/authorize", "{'peerDeviceId': 1}"), 400, "malformed_json");
    }

    @Test
    void wrongTypesAndMissingFields() throws Exception {
        refused(() -> enroll(enrollJson(Map.of("deviceName", 5))), 400, "invalid_request");
        refused(() -> enroll(enrollJson(Map.of("invite", List.of("x")))), 400, "invalid_request");
        refused(() -> enroll("{\"invite\":\"" + invite.encoded() + "\"}"), 400, "invalid_request");
        refused(() -> alice.call("POST", "/v1/authorize", "{\"peerDeviceId\":\"not-a-uuid\",\"services\":[\"CALL\"]}"),
                400, "invalid_request");
        refused(() -> alice.call("POST", "/v1/authorize", "{\"peerDeviceId\":\"" + alice.id + "\",\"services\":\"CALL\"}"),
                400, "invalid_request");
    }

    @Test
    void oversizedBodies() throws Exception {
        refused(() -> enroll(enrollJson(Map.of("deviceName", "x".repeat(200_000)))), 413, "body_too_large");
    }

    @Test
    void missingOrForeignClientCertificates() throws Exception {
        refused(() -> alice.anonymous("GET", "/v1/directory", null), 401, "client_certificate_required");
        refused(() -> alice.anonymous("POST", "/v1/authorize", "{}"), 401, "client_certificate_required");
        // A device of another organization, with a certificate from another CA.
        try (TestOrg other = new TestOrg(TestDatabase.h2(), PolicyServerFlowsContract.POLICY)) {
            ServerInstance theirs = other.start();
            TestDevice stranger = new TestDevice(other, theirs.port());
            assertThat(stranger.enroll(other.invite("eve", "staff").encoded(), "eve").statusCode()).isEqualTo(200);
            TestDevice impostor = new TestDevice(org, server.port());
            impostor.adoptForeign(stranger);
            refused(() -> impostor.call("GET", "/v1/directory", null), 401, "client_certificate_required");
        }
    }

    @Test
    void invalidPublicKeys() throws Exception {
        Base64.Encoder b64 = Base64.getEncoder();
        byte[] rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPublic().getEncoded();
        refused(() -> enroll(enrollJson(Map.of("signingKey", b64.encodeToString(rsa)))), 400, "invalid_request");
        refused(() -> enroll(enrollJson(Map.of("signingKey", "not base64!"))), 400, "invalid_request");
        refused(() -> enroll(enrollJson(Map.of("noiseKey", b64.encodeToString(new byte[31])))), 400, "invalid_request");
        refused(() -> enroll(enrollJson(Map.of("noiseKey", b64.encodeToString(new byte[32])))), 400, "invalid_request");
        byte[] ed = Ed25519Keys.generate(TestOrg.RANDOM).getPublic().getEncoded();
        refused(() -> enroll(enrollJson(Map.of("noiseKey", b64.encodeToString(ed)))), 400, "invalid_request");
    }

    @Test
    void unknownDevices() throws Exception {
        refused(() -> alice.authorize(DeviceId.random(), "CALL"), 404, "unknown_device");
    }

    @Test
    void replayedAndUnknownInvites() throws Exception {
        assertThat(enroll(enrollJson(Map.of())).statusCode()).isEqualTo(200);
        refused(() -> enroll(enrollJson(Map.of())), 409, "invite_used");
        InviteCode forged = InviteCode.parse(invite.id() + "." + InviteCode.generate(TestOrg.RANDOM).encoded().split("\\.")[1]);
        refused(() -> enroll(enrollJson(Map.of("invite", forged.encoded()))), 403, "invite_unknown");
        refused(() -> enroll(enrollJson(Map.of("invite", "garbage"))), 400, "invalid_request");
    }

    @Test
    void pathTraversalAndControlCharactersInNames() throws Exception {
        for (String name : List.of("../../etc/passwd", "..", "a/b", "a\\b", "bob\u0000", "line\nbreak", "", " ",
                "x".repeat(65))) {
            refused(() -> enroll(enrollJson(Map.of("deviceName", name))), 400, "invalid_request");
        }
    }

    @Test
    void theRateLimiterStopsGuessingInvites() throws Exception {
        String wrong = invite.id() + "." + InviteCode.generate(TestOrg.RANDOM).encoded().split("\\.")[1];
        int status = 0;
        for (int i = 0; i < 30 && status != 429; i++) {
            status = enroll(enrollJson(Map.of("invite", wrong))).statusCode();
        }
        assertThat(status).isEqualTo(429);
        // Even the right secret is refused from that address until the window passes.
        refused(() -> enroll(enrollJson(Map.of())), 429, "rate_limited");
    }
}
