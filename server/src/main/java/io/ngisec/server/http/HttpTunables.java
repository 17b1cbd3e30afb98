package io.ngisec.server.http;

import java.time.Duration;

/** Local choices of this HTTP front end that clients need not know exactly. */
final class HttpTunables {

    /**
     * A connection that sends nothing for this long is closed. Signaling clients must send a ping
     * (WebSocket ping or {"type":"ping"}) more often; dead peers go offline after at most this long.
     */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(90);

    /** Room for the signal envelope ("type", "to") around the body in one WebSocket message, in bytes. */
    static final int SIGNAL_ENVELOPE_BYTES = 1024;

    /** Largest WebSocket message (after reassembling fragments), in bytes; larger closes with 1009. */
    static final int MAX_WS_MESSAGE_BYTES = HttpSpec.MAX_SIGNAL_BODY_BYTES + SIGNAL_ENVELOPE_BYTES;

    /** Requests a connection may have waiting for answers before we stop reading from it. */
    static final int MAX_PIPELINED_REQUESTS = 16;

    /** How long close() waits for the event loops to finish, in seconds. */
    static final int SHUTDOWN_TIMEOUT_SECONDS = 5;

    private HttpTunables() {
    }
}
