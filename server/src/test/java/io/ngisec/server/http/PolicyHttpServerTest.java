package io.ngisec.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ngisec.protocol.api.Messages.AuthorizeRequest;
import io.ngisec.protocol.api.Messages.RenewRequest;
import io.ngisec.server.signal.LocalSignalTransport;
import io.ngisec.server.signal.SignalingHub;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The routes over real TLS on loopback, with the JDK HttpClient as the device. */
class PolicyHttpServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static TestPki pki;
    private static FakeApi api;
    private static PolicyHttpServer server;
    private static int port;
    private static TestPki.Device alice;
    private static HttpClient aliceClient;
    private static HttpClient anonymous;

    @BeforeAll
    static void start() throws Exception {
        pki = new TestPki("Acme");
        api = new FakeApi();
        server = new PolicyHttpServer();
        port = server.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), pki.serverTls, api,
                new SignalingHub(new LocalSignalTransport(), api::maySignal));
        alice = pki.device("alice");
        aliceClient = client(pki.clientContext(alice));
        anonymous = client(pki.anonymousContext());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpClient client(SSLContext context) {
        return HttpClient.newBuilder().sslContext(context).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET().build(),
                BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(HttpClient client, String path, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(body)).build(), BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("https://localhost:" + port + path);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json; charset=utf-8");
        return JSON.readTree(response.body());
    }

    private static void assertError(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).isEqualTo(status);
        JsonNode body = json(response);
        assertThat(body.path("error").path("code").asText()).isEqualTo(code);
        assertThat(body.path("error").path("message").isTextual()).isTrue();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void healthAndRevocationsNeedNoCertificate() throws Exception {
        HttpResponse<String> health = get(anonymous, "/v1/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json(health).path("status").asText()).isEqualTo("ok");

        HttpResponse<String> revocations = get(anonymous, "/v1/revocations");
        assertThat(revocations.statusCode()).isEqualTo(200);
        assertThat(json(revocations).path("serials").get(0).asText()).isEqualTo("ab12");
    }

    @Test
    void enrollNeedsNoCertificateAndPassesTheRemoteAddress() throws Exception {
        HttpResponse<String> response = post(anonymous, "/v1/enroll",
                "{\"invite\":\"s3cret\",\"deviceName\":\"laptop\",\"signingKey\":\"AAAA\",\"noiseKey\":\"BBBB\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("user").asText()).isEqualTo("alice");
        assertThat(api.calls).contains("127.0.0.1");
    }

    @Test
    void authenticatedRoutesSeeTheDeviceOfTheClientCertificate() throws Exception {
        HttpResponse<String> directory = get(aliceClient, "/v1/directory");
        assertThat(directory.statusCode()).isEqualTo(200);
        assertThat(json(directory).path("entries").get(0).path("deviceId").asText()).isEqualTo(alice.id().toString());

        HttpResponse<String> turn = get(aliceClient, "/v1/turn");
        assertThat(turn.statusCode()).isEqualTo(200);
        assertThat(json(turn).path("username").asText()).endsWith(alice.id().toString());

        HttpResponse<String> renew = post(aliceClient, "/v1/renew", "{\"noiseKey\":\"AAAA\"}");
        assertThat(renew.statusCode()).isEqualTo(200);
        assertThat(api.calls).contains(new RenewRequest("AAAA"));

        String peer = pki.device("bob").id().toString();
        HttpResponse<String> authorize = post(aliceClient, "/v1/authorize",
                "{\"peerDeviceId\":\"" + peer + "\",\"services\":[\"CALL\"]}");
        assertThat(authorize.statusCode()).isEqualTo(200);
        assertThat(json(authorize).path("allowed").asBoolean()).isTrue();
        assertThat(api.calls).contains(new AuthorizeRequest(peer, List.of("CALL")));
    }

    @Test
    void ed25519CertificatesWorkOverTls12Too() throws Exception {
        SSLParameters tls12 = new SSLParameters();
        tls12.setProtocols(new String[] {"TLSv1.2"});
        HttpClient client = HttpClient.newBuilder().sslContext(pki.clientContext(alice)).sslParameters(tls12)
                .version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> response = get(client, "/v1/directory");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.sslSession().map(s -> s.getProtocol())).hasValue("TLSv1.2");
    }

    @Test
    void missingClientCertificateIs401() throws Exception {
        assertError(get(anonymous, "/v1/directory"), 401, "client_certificate_required");
        assertError(post(anonymous, "/v1/authorize", "{}"), 401, "client_certificate_required");
    }

    @Test
    void certificateFromAnotherCaIs401() throws Exception {
        // Trusts our server but shows a device certificate of another organization's CA.
        TestPki.Device mallory = new TestPki("Evil").device("mallory");
        HttpClient impostor = client(pki.forcedClientContext(mallory));
        assertError(get(impostor, "/v1/directory"), 401, "client_certificate_required");
        assertThat(api.calls).doesNotContain(mallory.id());
    }

    @Test
    void revokedDeviceIs403() throws Exception {
        TestPki.Device carol = pki.device("carol");
        api.revoked.add(carol.id());
        assertError(get(client(pki.clientContext(carol)), "/v1/directory"), 403, "revoked");
    }

    @Test
    void malformedJsonIs400() throws Exception {
        assertError(post(aliceClient, "/v1/authorize", "{\"peerDeviceId\": "), 400, "malformed_json");
        assertError(post(anonymous, "/v1/enroll", "not json"), 400, "malformed_json");
    }

    @Test
    void wrongTypesAre400() throws Exception {
        assertError(post(aliceClient, "/v1/authorize", "{\"peerDeviceId\":42,\"services\":[\"CALL\"]}"),
                400, "invalid_request");
        assertError(post(aliceClient, "/v1/authorize", "{\"peerDeviceId\":\"x\",\"services\":\"CALL\"}"),
                400, "invalid_request");
    }

    @Test
    void bodyOver64KiBIs413() throws Exception {
        String big = "{\"invite\":\"" + "a".repeat(100 * 1024) + "\"}";
        assertError(post(anonymous, "/v1/enroll", big), 413, "body_too_large");
        // The connection is still usable after the refusal.
        assertThat(get(anonymous, "/v1/health").statusCode()).isEqualTo(200);
    }

    @Test
    void unknownRouteIs404AndWrongMethodIs405() throws Exception {
        assertError(get(anonymous, "/v1/nothing"), 404, "not_found");
        assertError(get(anonymous, "/../../etc/passwd"), 404, "not_found");
        assertError(post(anonymous, "/v1/health", "{}"), 405, "method_not_allowed");
    }
}
