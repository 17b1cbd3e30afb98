package io.ngisec.app.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ngisec.app.call.PathBadge;
import java.util.List;
import org.junit.jupiter.api.Test;

class PathSummaryTest {

    @Test
    void countsDirectAndRelayedAndIgnoresUnknownPaths() {
        PathSummary s = PathSummary.of(List.of(PathBadge.DIRECT_HOST, PathBadge.DIRECT_NAT, PathBadge.RELAYED, PathBadge.UNKNOWN));
        assertThat(s).isEqualTo(new PathSummary(2, 1));
        assertThat(s.sessions()).isEqualTo(3);
    }

    @Test
    void wordsEachCase() {
        assertThat(PathSummary.of(List.of()).text()).isEqualTo("No peer session");
        assertThat(new PathSummary(1, 0).text()).isEqualTo("1 peer session, direct");
        assertThat(new PathSummary(0, 1).text()).isEqualTo("1 peer session, relayed");
        assertThat(new PathSummary(3, 0).text()).isEqualTo("3 peer sessions, all direct");
        assertThat(new PathSummary(0, 2).text()).isEqualTo("2 peer sessions, all relayed");
        assertThat(new PathSummary(2, 1).text()).isEqualTo("3 peer sessions: 2 direct, 1 relayed");
    }

    @Test
    void wearsTheRelayedBadgeWhenAnySessionIsRelayed() {
        assertThat(PathSummary.NONE.badge()).isEmpty();
        assertThat(new PathSummary(2, 0).badge()).isEqualTo("direct");
        assertThat(new PathSummary(2, 1).badge()).isEqualTo("relayed");
    }

    @Test
    void refusesNegativeCounts() {
        assertThatThrownBy(() -> new PathSummary(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
