package io.ngisec.app.status;

import io.ngisec.app.service.ConnectionPhase;
import io.ngisec.app.service.PeerService;
import io.ngisec.app.service.PeerServiceListener;
import io.ngisec.app.service.SelfIdentity;
import io.ngisec.app.service.ServerStatus;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The server connection in words (phase, last error) and this device's identity, read-only,
 * following the {@link PeerService}. Use on the FX thread.
 */
public final class StatusViewModel {

    private final ReadOnlyObjectWrapper<ConnectionPhase> phase = new ReadOnlyObjectWrapper<>(this, "phase");
    private final ReadOnlyStringWrapper connection = new ReadOnlyStringWrapper(this, "connection", "");
    private final ReadOnlyStringWrapper lastError = new ReadOnlyStringWrapper(this, "lastError", "");
    private final ReadOnlyStringWrapper identity = new ReadOnlyStringWrapper(this, "identity", "");
    private final ReadOnlyStringWrapper server = new ReadOnlyStringWrapper(this, "server", "");
    private final ReadOnlyStringWrapper ca = new ReadOnlyStringWrapper(this, "ca", "");
    private final ReadOnlyObjectWrapper<PathSummary> paths = new ReadOnlyObjectWrapper<>(this, "paths", PathSummary.NONE);
    private final ReadOnlyStringWrapper nat = new ReadOnlyStringWrapper(this, "nat", "NAT not checked yet");
    private final ReadOnlyStringWrapper natDetail = new ReadOnlyStringWrapper(this, "natDetail",
            "Netcheck runs once the policy server answers");

    public StatusViewModel(PeerService service) {
        SelfIdentity self = service.self();
        identity.set(self.user() + " / " + self.deviceName());
        server.set("server " + self.server().getHost() + (self.server().getPort() == -1 ? "" : ":" + self.server().getPort()));
        ca.set("CA " + self.shortFingerprint());
        service.addListener(new PeerServiceListener() {
            @Override
            public void statusChanged(ServerStatus status) {
                show(status);
            }
        });
        show(service.status());
    }

    public ReadOnlyObjectProperty<ConnectionPhase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** "Online", "Connecting...", "Reconnecting...", "Offline". */
    public ReadOnlyStringProperty connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    /** The last error while not online (one line), or empty. */
    public ReadOnlyStringProperty lastErrorProperty() {
        return lastError.getReadOnlyProperty();
    }

    /** "user / device". */
    public ReadOnlyStringProperty identityProperty() {
        return identity.getReadOnlyProperty();
    }

    /** "server host:port". */
    public ReadOnlyStringProperty serverProperty() {
        return server.getReadOnlyProperty();
    }

    /** "CA " and the first bytes of the CA fingerprint. */
    public ReadOnlyStringProperty caProperty() {
        return ca.getReadOnlyProperty();
    }

    /** How the live peer sessions travel; {@link PathSummary#text()} is the status bar's path line. */
    public ReadOnlyObjectProperty<PathSummary> pathsProperty() {
        return paths.getReadOnlyProperty();
    }

    /** "NAT: " and the last netcheck's verdict without its explanation, or that none has run. */
    public ReadOnlyStringProperty natProperty() {
        return nat.getReadOnlyProperty();
    }

    /** The verdict in full, with the explanation in brackets the status bar leaves out (its tooltip). */
    public ReadOnlyStringProperty natDetailProperty() {
        return natDetail.getReadOnlyProperty();
    }

    /** The paths of the sessions live now (from the diagnostics sampler, once a second). */
    public void showPaths(PathSummary now) {
        if (!now.equals(paths.get())) {
            paths.set(now);
        }
    }

    /** The NAT verdict of a netcheck that just finished (its one-line description). */
    public void showNat(String verdict) {
        if (verdict == null || verdict.isBlank()) {
            nat.set("NAT not checked yet");
            return;
        }
        // "unknown (no STUN server answered)": the bracket explains, and would crowd the bar.
        int bracket = verdict.indexOf(" (");
        nat.set("NAT: " + (bracket > 0 ? verdict.substring(0, bracket) : verdict));
        natDetail.set("NAT: " + verdict);
    }

    private void show(ServerStatus status) {
        phase.set(status.phase());
        connection.set(switch (status.phase()) {
            case CONNECTING -> "Connecting...";
            case ONLINE -> "Online";
            case RECONNECTING -> "Reconnecting...";
            case OFFLINE -> "Offline";
        });
        lastError.set(status.phase() == ConnectionPhase.ONLINE ? "" : status.lastError());
    }
}
