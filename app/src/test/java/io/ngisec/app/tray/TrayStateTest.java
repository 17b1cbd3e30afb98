package io.ngisec.app.tray;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.app.service.ConnectionPhase;
import io.ngisec.app.status.PathSummary;
import org.junit.jupiter.api.Test;

class TrayStateTest {

    @Test
    void onlineWithoutSessions() {
        TrayState s = TrayState.of(ConnectionPhase.ONLINE, "Online", PathSummary.NONE);
        assertThat(s.tooltip()).isEqualTo("NGISec Communicator: Online");
        assertThat(s.badge()).isEqualTo("online");
    }

    @Test
    void offlineNamesThePhaseAndWearsTheOfflineBadge() {
        TrayState s = TrayState.of(ConnectionPhase.RECONNECTING, "Reconnecting...", PathSummary.NONE);
        assertThat(s.tooltip()).isEqualTo("NGISec Communicator: Reconnecting...");
        assertThat(s.badge()).isEqualTo("offline");
    }

    @Test
    void liveSessionsKeepTheDeviceReachableWhileTheServerIsAway() {
        TrayState s = TrayState.of(ConnectionPhase.RECONNECTING, "Reconnecting...", new PathSummary(1, 1));
        assertThat(s.tooltip()).isEqualTo("NGISec Communicator: Reconnecting..., 2 peer sessions: 1 direct, 1 relayed");
        assertThat(s.badge()).isEqualTo("online");
    }
}
