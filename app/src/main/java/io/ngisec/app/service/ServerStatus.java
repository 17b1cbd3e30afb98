package io.ngisec.app.service;

import java.util.Objects;

/**
 * The connection to the policy server: its phase and the last error seen (empty when none since
 * the last time it was online), one line for users.
 */
public record ServerStatus(ConnectionPhase phase, String lastError) {

    public ServerStatus {
        Objects.requireNonNull(phase, "phase");
        lastError = lastError == null ? "" : lastError;
    }

    /** The status before anything happened. */
    public static final ServerStatus CONNECTING = new ServerStatus(ConnectionPhase.CONNECTING, "");
}
