package io.ngisec.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A device's signaling WebSocket (JDK client) and every text frame it received, for tests. */
public final class RecordingWebSocket implements WebSocket.Listener {

    /** How long a test waits for a frame or the close. */
    public static final long WAIT_SECONDS = 10;

    private static final ObjectMapper JSON = new ObjectMapper();

    public final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    public final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    private RecordingWebSocket() {
    }

    /** Opens {@code uri} with {@code client}; fails (with the cause) if the server refuses. */
    public static RecordingWebSocket open(HttpClient client, URI uri) {
        RecordingWebSocket recording = new RecordingWebSocket();
        recording.socket = client.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(uri, recording).orTimeout(WAIT_SECONDS, TimeUnit.SECONDS).join();
        return recording;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            received.add(partial.toString());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }

    /** The socket itself, for frames {@link #send} does not cover. */
    public WebSocket socket() {
        return socket;
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    /** The next frame of {@code type}, skipping presence announcements only; fails after a while. */
    public JsonNode next(String type) throws Exception {
        while (true) {
            String frame = received.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(frame).as("a %s frame within %d s", type, WAIT_SECONDS).isNotNull();
            JsonNode node = JSON.readTree(frame);
            if (node.path("type").asText().equals(type)) {
                return node;
            }
            assertThat(node.path("type").asText()).as("frame while waiting for %s: %s", type, frame)
                    .isEqualTo("presence");
        }
    }

    /** The close code the server sent. */
    public int closeCode() throws Exception {
        return closed.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** Closes normally from this side. */
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }
}
