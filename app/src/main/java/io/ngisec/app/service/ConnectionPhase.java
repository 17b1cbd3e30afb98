package io.ngisec.app.service;

/** Where this device stands with its policy server, as the status area shows it. */
public enum ConnectionPhase {
    /** Coming online for the first time this run. */
    CONNECTING,
    /** Signaling is up: presence is live, peers can be reached. */
    ONLINE,
    /** Was online; the connection dropped and is being re-established. */
    RECONNECTING,
    /** Not connected and not about to be: the server could not be reached at start (retrying), or the device was revoked. */
    OFFLINE
}
