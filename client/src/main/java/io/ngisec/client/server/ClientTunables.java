package io.ngisec.client.server;

import java.time.Duration;

/** How patiently the device talks to the policy server: implementation choices, not protocol constants. */
final class ClientTunables {

    /** Opening a TCP connection (and, for WebSockets, the whole opening handshake). */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** One HTTPS request, from sending it to the end of the response. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
    /** Signaling keepalive: the server closes a connection silent for 90 s (docs/policy-server.md). */
    static final Duration PING_INTERVAL = Duration.ofSeconds(30);
    /** First wait before reconnecting signaling; doubles after each failure. */
    static final Duration RECONNECT_MIN = Duration.ofSeconds(1);
    /** Longest wait between signaling reconnection attempts. */
    static final Duration RECONNECT_MAX = Duration.ofSeconds(30);

    private ClientTunables() {
    }
}
