package io.ngisec.server.e2e;

import io.ngisec.server.testing.RecordingWebSocket;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ngisec.protocol.identity.DeviceCertificate;
import io.ngisec.protocol.identity.DeviceId;
import io.ngisec.protocol.identity.Ed25519Keys;
import io.ngisec.protocol.noise.DhKeyPair;
import io.ngisec.server.testing.TestTls;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * A device as a client sees the policy server: its own keys (which never leave it), the HTTPS
 * API with the JDK HttpClient (anonymous TLS to enroll, mutual TLS with its certificate after),
 * and signaling WebSockets.
 */
final class TestDevice {

    static final ObjectMapper JSON = new ObjectMapper();

    private final X509Certificate ca;
    final KeyPair signing = Ed25519Keys.generate(TestOrg.RANDOM);
    final byte[] noisePublic;
    private URI server;
    DeviceId id;
    DeviceCertificate certificate;
    JsonNode enrollment;
    private HttpClient mutual;

    TestDevice(TestOrg org, int port) {
        this(org.caX509, port);
    }

    /** A device that trusts {@code ca} (as pinned from its invite) and talks to the server at {@code port}. */
    TestDevice(X509Certificate ca, int port) {
        this.ca = ca;
        this.server = URI.create("https://127.0.0.1:" + port);
        noisePublic = DhKeyPair.generate(TestOrg.RANDOM).publicKey();
    }

    /** Talks to another instance from now on. */
    void useServer(int port) {
        server = URI.create("https://127.0.0.1:" + port);
    }

    /** The enrollment request body with this device's public keys. */
    Map<String, Object> enrollBody(String invite, String name) {
        return Map.of("invite", invite, "deviceName", name,
                "signingKey", Base64.getEncoder().encodeToString(signing.getPublic().getEncoded()),
                "noiseKey", Base64.getEncoder().encodeToString(noisePublic));
    }

    /** Enrolls with {@code invite}; returns the raw response. On success the device keeps its certificate. */
    HttpResponse<String> enroll(String invite, String name) throws Exception {
        HttpResponse<String> response = anonymous("POST", "/v1/enroll", JSON.writeValueAsString(enrollBody(invite, name)));
        if (response.statusCode() == 200) {
            enrollment = JSON.readTree(response.body());
            id = DeviceId.parse(enrollment.path("deviceId").asText());
            adopt(enrollment.path("certificate").asText());
        }
        return response;
    }

    /** Takes {@code base64Der} as this device's certificate (after enrollment or renewal). */
    void adopt(String base64Der) throws Exception {
        byte[] der = Base64.getDecoder().decode(base64Der);
        certificate = DeviceCertificate.parse(der);
        mutual = client(TestTls.client(ca, signing.getPrivate(), TestOrg.x509(der)));
    }

    /** Presents {@code other}'s key and certificate (from another organization) as if they were this device's. */
    void adoptForeign(TestDevice other) {
        id = other.id;
        certificate = other.certificate;
        mutual = client(TestTls.client(ca, other.signing.getPrivate(), TestOrg.x509(other.certificate.encoded())));
    }

    HttpResponse<String> anonymous(String method, String path, String body) throws Exception {
        return send(client(TestTls.client(ca, null, null)), method, path, body);
    }

    /** A call with this device's certificate as TLS client certificate. */
    HttpResponse<String> call(String method, String path, String body) throws Exception {
        return send(mutual, method, path, body);
    }

    HttpResponse<String> authorize(DeviceId peer, String... services) throws Exception {
        return call("POST", "/v1/authorize", JSON.writeValueAsString(
                Map.of("peerDeviceId", peer.toString(), "services", java.util.List.of(services))));
    }

    /** Opens a signaling connection; throws if the server refuses it. */
    RecordingWebSocket connect() {
        return RecordingWebSocket.open(mutual, URI.create("wss://" + server.getAuthority() + "/v1/ws"));
    }

    private HttpResponse<String> send(HttpClient client, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve(path)).timeout(Duration.ofSeconds(10));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpClient client(SSLContext context) {
        // Connecting includes the TLS handshake with a cold server JVM: generous on a busy 2-core machine.
        return HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(20)).build();
    }
}
