package io.ngisec.app.tray;

import io.ngisec.app.service.ConnectionPhase;
import io.ngisec.app.status.PathSummary;
import java.util.Objects;

/**
 * What the tray icon says: its tooltip ("NGISec Communicator: Online, 2 peer sessions: 1 direct,
 * 1 relayed") and the badge drawn on it (online while the policy server answers, offline else).
 */
public record TrayState(String tooltip, String badge) {

    public TrayState {
        Objects.requireNonNull(tooltip, "tooltip");
        Objects.requireNonNull(badge, "badge");
    }

    /** The state for the server connection ({@code connection} as the header words it) and the sessions' paths. */
    public static TrayState of(ConnectionPhase phase, String connection, PathSummary paths) {
        String tooltip = "NGISec Communicator: " + connection + (paths.sessions() == 0 ? "" : ", " + paths.text());
        // Sessions outlive the server, so a device with live sessions is not shown as cut off.
        boolean reachable = phase == ConnectionPhase.ONLINE || paths.sessions() > 0;
        return new TrayState(tooltip, reachable ? "online" : "offline");
    }
}
