package io.ngisec.client.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.ngisec.protocol.api.Messages.ErrorBody;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import javax.net.ssl.SSLContext;

/**
 * JSON over HTTPS to one policy server with one TLS context: sends a request, maps the answer to
 * a record or to a {@link ServerException}. Thread safe; close it to release the HTTP client.
 */
final class ApiCalls implements AutoCloseable {

    // Unknown fields are ignored: a newer server may add some.
    static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final URI server;
    private final HttpClient http;

    ApiCalls(URI server, SSLContext tls) {
        this.server = server;
        this.http = HttpClient.newBuilder()
                .sslContext(tls)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(ClientTunables.CONNECT_TIMEOUT)
                .build();
    }

    /** The server's base URL, as the device knows it (from its invite). */
    URI server() {
        return server;
    }

    /** The HTTP client, for the signaling WebSocket over the same TLS context. */
    HttpClient http() {
        return http;
    }

    <T> T get(String path, Class<T> type) throws ServerException {
        return send(request(path).GET().build(), type);
    }

    <T> T post(String path, Object body, Class<T> type) throws ServerException {
        String text;
        try {
            text = JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode " + body.getClass().getSimpleName(), e);
        }
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text)).build(), type);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(server.resolve(path)).timeout(ClientTunables.REQUEST_TIMEOUT)
                .header("Accept", "application/json");
    }

    private <T> T send(HttpRequest request, Class<T> type) throws ServerException {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw TransportFailures.of(server, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerException(0, "interrupted", "interrupted while talking to the policy server at " + server, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw refusal(response);
        }
        try {
            return JSON.readValue(response.body(), type);
        } catch (JsonProcessingException e) {
            throw new ServerException(response.statusCode(), ServerException.BAD_RESPONSE,
                    ErrorMessages.badResponse(server, "an answer this client cannot read"), e);
        }
    }

    private ServerException refusal(HttpResponse<String> response) {
        int status = response.statusCode();
        try {
            ErrorBody body = JSON.readValue(response.body(), ErrorBody.class);
            if (body.error() != null && body.error().code() != null) {
                return new ServerException(status, body.error().code(),
                        ErrorMessages.forCode(body.error().code(), body.error().message()));
            }
        } catch (JsonProcessingException e) {
            // Not our server's error format (a proxy's page?): report the status alone.
        }
        return new ServerException(status, "http_" + status, "the policy server at " + server + " answered HTTP " + status);
    }

    @Override
    public void close() {
        http.close();
    }
}
