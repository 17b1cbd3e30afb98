package io.ngisec.client.session;

import io.ngisec.protocol.identity.DeviceId;
import java.io.IOException;

/**
 * The session layer's way to the other device through the policy server: sends one opaque signal
 * body (a compact JSON object, at most 3 KiB). Incoming bodies reach {@link PeerSessions#onSignal}.
 */
@FunctionalInterface
public interface PeerSignals {

    /** Queues {@code body} for {@code to}; throws when the signaling connection is down. */
    void send(DeviceId to, String body) throws IOException;
}
