package io.ngisec.app.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.app.service.ConnectionPhase;
import io.ngisec.app.service.ServerStatus;
import io.ngisec.app.testing.FakePeerService;
import io.ngisec.app.testing.Samples;
import org.junit.jupiter.api.Test;

class StatusViewModelTest {

    private final FakePeerService service = new FakePeerService(Samples.self());
    private final StatusViewModel model = new StatusViewModel(service);

    @Test
    void showsWhoThisDeviceIsAndItsServerAndCa() {
        assertThat(model.identityProperty().get()).isEqualTo("alice / laptop");
        assertThat(model.serverProperty().get()).isEqualTo("server policy.example:8443");
        assertThat(model.caProperty().get()).isEqualTo("CA " + Samples.CA.toString().substring(0, 23));
        assertThat(model.connectionProperty().get()).isEqualTo("Connecting...");
    }

    @Test
    void followsTheConnectionThroughLossAndReconnection() {
        service.status(new ServerStatus(ConnectionPhase.ONLINE, ""));
        assertThat(model.connectionProperty().get()).isEqualTo("Online");
        assertThat(model.lastErrorProperty().get()).isEmpty();

        service.status(new ServerStatus(ConnectionPhase.RECONNECTING, "connection refused"));
        assertThat(model.phaseProperty().get()).isEqualTo(ConnectionPhase.RECONNECTING);
        assertThat(model.connectionProperty().get()).isEqualTo("Reconnecting...");
        assertThat(model.lastErrorProperty().get()).isEqualTo("connection refused");

        service.status(new ServerStatus(ConnectionPhase.ONLINE, "stale"));
        assertThat(model.connectionProperty().get()).isEqualTo("Online");
        assertThat(model.lastErrorProperty().get()).as("no error shown while online").isEmpty();
    }

    @Test
    void offlineKeepsItsReason() {
        service.status(new ServerStatus(ConnectionPhase.OFFLINE, "this device was revoked by the organization"));
        assertThat(model.connectionProperty().get()).isEqualTo("Offline");
        assertThat(model.lastErrorProperty().get()).isEqualTo("this device was revoked by the organization");
    }

    @Test
    void saysHowPeerSessionsTravelAndWhatNatTheLastNetcheckFound() {
        assertThat(model.pathsProperty().get().text()).isEqualTo("No peer session");
        assertThat(model.natProperty().get()).isEqualTo("NAT not checked yet");
        model.showPaths(new PathSummary(1, 1));
        assertThat(model.pathsProperty().get().text()).isEqualTo("2 peer sessions: 1 direct, 1 relayed");
        model.showNat("endpoint-independent mapping");
        assertThat(model.natProperty().get()).isEqualTo("NAT: endpoint-independent mapping");
        model.showNat("unknown (no STUN server answered)");
        assertThat(model.natProperty().get()).as("the bar leaves the explanation to the tooltip").isEqualTo("NAT: unknown");
        assertThat(model.natDetailProperty().get()).isEqualTo("NAT: unknown (no STUN server answered)");
    }
}
