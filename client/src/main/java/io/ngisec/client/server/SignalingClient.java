package io.ngisec.client.server;

import io.ngisec.client.identity.EnrolledIdentity;
import io.ngisec.protocol.identity.DeviceId;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A device's signaling connection to its policy server: a WebSocket over mutual TLS to
 * {@code wss://HOST/v1/ws}, kept open until {@link #close()}: pings every 30 s, reconnects after a
 * failure with capped exponential backoff (1 s doubling to 30 s), and stops for good when the server
 * closes it with 4003 because this device was revoked. Its events reach the listener on one thread,
 * in order. Thread safe.
 */
public final class SignalingClient implements AutoCloseable {

    /** The WebSocket close code of a revoked device's connection. */
    public static final int REVOKED_CLOSE_CODE = 4003;

    private final SignalingListener listener;
    private final ExecutorService events = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("ngisec-signaling-events").factory());
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("ngisec-signaling-timers").factory());
    private final Backoff backoff = new Backoff(ClientTunables.RECONNECT_MIN, ClientTunables.RECONNECT_MAX);
    private final Object lock = new Object();

    // Guarded by lock.
    private EnrolledIdentity identity;
    private HttpClient http;
    private EnrolledIdentity httpIdentity;
    private ConnectionState state = ConnectionState.CONNECTING;
    private WebSocket socket;
    private long generation;
    private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);
    private ScheduledFuture<?> pinger;
    private boolean selfRevokedReported;

    private SignalingClient(EnrolledIdentity identity, SignalingListener listener) {
        this.identity = identity;
        this.listener = listener;
    }

    /** Starts connecting in the background; the listener hears {@code Connected} once the connection is up. */
    public static SignalingClient start(EnrolledIdentity identity, SignalingListener listener) {
        SignalingClient client = new SignalingClient(Objects.requireNonNull(identity, "identity"),
                Objects.requireNonNull(listener, "listener"));
        client.timers.execute(client::connect);
        return client;
    }

    /** The connection's state now. */
    public ConnectionState connectionState() {
        synchronized (lock) {
            return state;
        }
    }

    /** Presents {@code renewed} (a renewed certificate) from the next connection on; the current one stays. */
    public void updateIdentity(EnrolledIdentity renewed) {
        synchronized (lock) {
            if (!renewed.deviceId().equals(identity.deviceId())) {
                throw new IllegalArgumentException("not this device's identity");
            }
            identity = renewed;
        }
    }

    /**
     * Sends {@code bodyJson} (a JSON object, at most 3 KiB as compact JSON) to device {@code to}.
     * The returned stage completes once the frame is handed to the connection. Throws
     * IllegalStateException when not connected and IllegalArgumentException for a bad body.
     */
    public CompletableFuture<Void> send(DeviceId to, String bodyJson) {
        String frame = SignalingFrames.signal(to, bodyJson);
        synchronized (lock) {
            if (state != ConnectionState.CONNECTED) {
                throw new IllegalStateException("signaling is not connected (" + state.name().toLowerCase() + ")");
            }
            return sendText(socket, frame);
        }
    }

    /** Closes the connection and stops reconnecting; the listener's last event is {@code Disconnected}. */
    @Override
    public void close() {
        WebSocket open;
        HttpClient client;
        synchronized (lock) {
            if (state == ConnectionState.CLOSED) {
                return;
            }
            boolean wasRevoked = state == ConnectionState.REVOKED;
            state = ConnectionState.CLOSED;
            generation++;
            open = socket;
            socket = null;
            client = http;
            cancelPinger();
            if (!wasRevoked) {
                emit(new SignalingEvent.Disconnected("closed"));
            }
        }
        timers.shutdownNow();
        if (open != null) {
            // A polite close, but never wait long for the server's answer.
            open.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(1, TimeUnit.SECONDS)
                    .whenComplete((ws, e) -> open.abort());
        }
        events.shutdown();
        if (client != null) {
            client.shutdownNow();
        }
    }

    private void connect() {
        long attempt;
        HttpClient client;
        URI uri;
        synchronized (lock) {
            if (state == ConnectionState.CLOSED || state == ConnectionState.REVOKED) {
                return;
            }
            state = ConnectionState.CONNECTING;
            attempt = ++generation;
            client = clientFor(identity);
            uri = URI.create("wss://" + identity.server().getRawAuthority() + "/v1/ws");
        }
        client.newWebSocketBuilder().connectTimeout(ClientTunables.CONNECT_TIMEOUT)
                .buildAsync(uri, new Connection(attempt))
                .whenComplete((ws, failure) -> {
                    if (failure != null) {
                        failed(attempt, TransportFailures.of(identity().server(), failure));
                    }
                });
    }

    /** The HTTP client for {@code current}, rebuilt after a renewal (the old one has no live socket by now). */
    private HttpClient clientFor(EnrolledIdentity current) {
        if (http == null || httpIdentity != current) {
            if (http != null) {
                http.shutdownNow();
            }
            http = HttpClient.newBuilder().sslContext(PolicyTls.mutual(current))
                    .connectTimeout(ClientTunables.CONNECT_TIMEOUT).build();
            httpIdentity = current;
        }
        return http;
    }

    private EnrolledIdentity identity() {
        synchronized (lock) {
            return identity;
        }
    }

    private void opened(long attempt, WebSocket ws) {
        synchronized (lock) {
            if (attempt != generation) {
                ws.abort();
                return;
            }
            socket = ws;
            state = ConnectionState.CONNECTED;
            sending = CompletableFuture.completedFuture(null);
            backoff.reset();
            long period = ClientTunables.PING_INTERVAL.toMillis();
            pinger = timers.scheduleAtFixedRate(() -> ping(attempt), period, period, TimeUnit.MILLISECONDS);
            emit(new SignalingEvent.Connected());
        }
    }

    private void ping(long attempt) {
        synchronized (lock) {
            if (attempt == generation && state == ConnectionState.CONNECTED) {
                sendText(socket, SignalingFrames.PING);
            }
        }
    }

    private void closedByServer(long attempt, int code, String reason) {
        synchronized (lock) {
            if (attempt != generation) {
                return;
            }
            if (code == REVOKED_CLOSE_CODE) {
                revoked();
                return;
            }
        }
        failed(attempt, new ServerException(0, ServerException.UNREACHABLE, "the policy server closed the signaling"
                + " connection (" + code + (reason == null || reason.isBlank() ? "" : " " + reason) + ")"));
    }

    /** Reports the failure of connection {@code attempt} and schedules the next attempt (or stops, if revoked). */
    private void failed(long attempt, ServerException failure) {
        synchronized (lock) {
            if (attempt != generation || state == ConnectionState.CLOSED || state == ConnectionState.REVOKED) {
                return;
            }
            if ("revoked".equals(failure.code())) {
                revoked();
                return;
            }
            generation++;
            if (socket != null) {
                socket.abort();
                socket = null;
            }
            cancelPinger();
            state = ConnectionState.WAITING;
            emit(new SignalingEvent.Disconnected(failure.getMessage()));
            Duration wait = backoff.next();
            timers.schedule(this::connect, wait.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Called with the lock held: this device was revoked; never reconnect. */
    private void revoked() {
        generation++;
        state = ConnectionState.REVOKED;
        if (socket != null) {
            socket.abort();
            socket = null;
        }
        cancelPinger();
        if (!selfRevokedReported) {
            selfRevokedReported = true;
            emit(new SignalingEvent.Revoked(identity.deviceId()));
        }
        emit(new SignalingEvent.Disconnected(ErrorMessages.forCode("revoked", null)));
    }

    private void received(long attempt, String text) {
        SignalingFrames.decode(text).ifPresent(event -> {
            synchronized (lock) {
                if (attempt != generation) {
                    return;
                }
                if (event instanceof SignalingEvent.Revoked r && r.deviceId().equals(identity.deviceId())) {
                    if (selfRevokedReported) {
                        return;
                    }
                    selfRevokedReported = true;
                }
                emit(event);
            }
        });
    }

    /** Called with the lock held: WebSocket allows one outstanding send, so sends are chained. */
    private CompletableFuture<Void> sendText(WebSocket ws, String text) {
        CompletableFuture<Void> sent = sending.exceptionally(e -> null)
                .thenCompose(x -> ws.sendText(text, true)).thenApply(x -> null);
        sending = sent;
        return sent;
    }

    private void cancelPinger() {
        if (pinger != null) {
            pinger.cancel(false);
            pinger = null;
        }
    }

    /** Called with the lock held, so that events are queued in the order they happened. */
    private void emit(SignalingEvent event) {
        if (events.isShutdown()) {
            return;
        }
        events.execute(() -> {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                // The listener's bug must not stop later events.
            }
        });
    }

    /** The WebSocket listener of one connection attempt; callbacks of stale attempts are ignored. */
    private final class Connection implements WebSocket.Listener {

        private final long attempt;
        private final StringBuilder partial = new StringBuilder();

        Connection(long attempt) {
            this.attempt = attempt;
        }

        @Override
        public void onOpen(WebSocket ws) {
            opened(attempt, ws);
            ws.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                received(attempt, text);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closedByServer(attempt, statusCode, reason);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            failed(attempt, TransportFailures.of(identity().server(), error));
        }
    }
}
