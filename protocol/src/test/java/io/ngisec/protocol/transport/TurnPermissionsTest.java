package io.ngisec.protocol.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.protocol.transport.TurnPermissions.Decision;
import io.ngisec.protocol.transport.TurnPermissions.Verdict;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** Permission decisions on simulated time (nanoseconds from 0). */
class TurnPermissionsTest {

    private static final long SECOND = 1_000_000_000L;
    private static final InetAddress PEER = address(198, 51, 100, 12);
    private static final InetAddress OTHER = address(198, 51, 100, 11);

    private final TurnPermissions<String> permissions = new TurnPermissions<>();

    @Test
    void theFirstDatagramAsksOnceAndIsHeldUntilTheRelayInstallsThePermission() {
        assertThat(permissions.offer(PEER, "check 1", 0)).isEqualTo(new Decision(Verdict.HOLD, true));
        assertThat(permissions.offer(PEER, "check 2", 10)).isEqualTo(new Decision(Verdict.HOLD, false));

        assertThat(permissions.installed(PEER, 20)).containsExactly("check 1", "check 2");
        assertThat(permissions.offer(PEER, "data", 30)).isEqualTo(new Decision(Verdict.SEND, false));
        assertThat(permissions.requests()).isEqualTo(1);
    }

    @Test
    void permissionsArePerAddressNotPerPort() {
        permissions.offer(PEER, "to port 1", 0);
        permissions.installed(PEER, 1);

        assertThat(permissions.offer(PEER, "to port 2", 2).verdict()).isEqualTo(Verdict.SEND);
        assertThat(permissions.offer(OTHER, "elsewhere", 3)).isEqualTo(new Decision(Verdict.HOLD, true));
    }

    @Test
    void aRefusalDropsWhatWasHeldAndBacksOffDoublingUpTo32Seconds() {
        permissions.offer(PEER, "check", 0);
        permissions.refused(PEER, 0);
        assertThat(permissions.dropped()).isEqualTo(1);

        long now = 0;
        long[] expectedWaits = {1, 2, 4, 8, 16, 32, 32};
        for (long wait : expectedWaits) {
            // Nothing is asked before the backoff has passed, however often ICE sends.
            for (long t = now; t < now + wait * SECOND; t += SECOND / 4) {
                assertThat(permissions.offer(PEER, "check", t)).isEqualTo(new Decision(Verdict.DROP, false));
            }
            now += wait * SECOND;
            assertThat(permissions.offer(PEER, "check", now)).isEqualTo(new Decision(Verdict.HOLD, true));
            permissions.refused(PEER, now);
        }
        assertThat(permissions.requests()).isEqualTo(1 + expectedWaits.length);
    }

    @Test
    void anInstalledPermissionResetsTheBackoff() {
        permissions.offer(PEER, "a", 0);
        permissions.refused(PEER, 0);
        permissions.offer(PEER, "b", SECOND);
        permissions.refused(PEER, SECOND); // the next wait would be 2 s, then 4 s
        permissions.offer(PEER, "c", 3 * SECOND);
        permissions.installed(PEER, 3 * SECOND);

        long expired = 3 * SECOND + TurnPermissions.LIFETIME_NANOS;
        assertThat(permissions.offer(PEER, "d", expired)).isEqualTo(new Decision(Verdict.HOLD, true));
        permissions.refused(PEER, expired);
        assertThat(permissions.offer(PEER, "e", expired + SECOND)).as("1 s again").isEqualTo(new Decision(Verdict.HOLD, true));
    }

    @Test
    void aFailedRefreshKeepsTrafficFlowingWhileThePermissionLastsAndRetriesAfterTheBackoff() {
        permissions.offer(PEER, "a", 0);
        permissions.installed(PEER, 0);
        assertThat(permissions.offer(PEER, "b", 240 * SECOND)).isEqualTo(new Decision(Verdict.SEND, true));
        permissions.refused(PEER, 241 * SECOND);

        assertThat(permissions.offer(PEER, "c", 241 * SECOND + 1)).isEqualTo(new Decision(Verdict.SEND, false));
        assertThat(permissions.offer(PEER, "d", 242 * SECOND)).isEqualTo(new Decision(Verdict.SEND, true));
        permissions.refused(PEER, 242 * SECOND);
        assertThat(permissions.offer(PEER, "e", 243 * SECOND)).as("2 s now").isEqualTo(new Decision(Verdict.SEND, false));
        assertThat(permissions.offer(PEER, "f", 244 * SECOND)).isEqualTo(new Decision(Verdict.SEND, true));
        // Never refreshed: from 300 s the relay has dropped it.
        assertThat(permissions.offer(PEER, "g", 300 * SECOND)).isEqualTo(new Decision(Verdict.HOLD, true));
    }

    @Test
    void aPermissionIsRefreshedOnceAMinuteBeforeItsLifetimeEnds() {
        permissions.offer(PEER, "a", 0);
        permissions.installed(PEER, 0);

        assertThat(permissions.offer(PEER, "b", 239 * SECOND)).isEqualTo(new Decision(Verdict.SEND, false));
        assertThat(permissions.offer(PEER, "c", 240 * SECOND)).isEqualTo(new Decision(Verdict.SEND, true));
        assertThat(permissions.offer(PEER, "d", 250 * SECOND)).isEqualTo(new Decision(Verdict.SEND, false));
        permissions.installed(PEER, 251 * SECOND);
        assertThat(permissions.offer(PEER, "e", 491 * SECOND)).isEqualTo(new Decision(Verdict.SEND, true));
    }

    @Test
    void anExpiredPermissionIsAskedForAgainAndHoldsTraffic() {
        permissions.offer(PEER, "a", 0);
        permissions.installed(PEER, 0);

        assertThat(permissions.offer(PEER, "late", 300 * SECOND)).isEqualTo(new Decision(Verdict.HOLD, true));
    }

    @Test
    void atMostSixteenDatagramsAreHeldPerPeer() {
        for (int i = 0; i < TurnPermissions.MAX_HELD; i++) {
            assertThat(permissions.offer(PEER, "check " + i, i).verdict()).isEqualTo(Verdict.HOLD);
        }
        assertThat(permissions.offer(PEER, "one too many", 100).verdict()).isEqualTo(Verdict.DROP);
        assertThat(permissions.dropped()).isEqualTo(1);
        assertThat(permissions.installed(PEER, 200)).hasSize(TurnPermissions.MAX_HELD);
    }

    @Test
    void answersForUnknownPeersChangeNothing() {
        assertThat(permissions.installed(PEER, 0)).isEmpty();
        permissions.refused(PEER, 0);
        assertThat(permissions.offer(PEER, "first", 1)).isEqualTo(new Decision(Verdict.HOLD, true));
    }

    private static InetAddress address(int a, int b, int c, int d) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
