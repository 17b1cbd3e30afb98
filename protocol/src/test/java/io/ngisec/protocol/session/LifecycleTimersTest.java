package io.ngisec.protocol.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link IdleTimer}, {@link KeepaliveTimer} and the checks of {@link LifecycleConfig}, on plain nanoseconds. */
class LifecycleTimersTest {

    private static final long S = 1_000_000_000L;
    private static final long PTO = 100_000_000L;

    @Test
    void theIdleTimerExpiresATimeoutAfterTheLastAuthenticatedPacket() {
        IdleTimer idle = new IdleTimer(30 * S, 5 * S);
        assertThat(idle.deadlineNanos(PTO)).isEqualTo(35 * S);
        assertThat(idle.isExpired(35 * S - 1, PTO)).isFalse();
        idle.onAuthenticated(20 * S);
        assertThat(idle.isExpired(35 * S, PTO)).isFalse();
        assertThat(idle.isExpired(50 * S, PTO)).isTrue();
        idle.onAuthenticated(10 * S); // an older time never moves it back
        assertThat(idle.deadlineNanos(PTO)).isEqualTo(50 * S);
    }

    @Test
    void theIdleTimeoutIsNeverShorterThanThreeProbeTimeouts() {
        IdleTimer idle = new IdleTimer(S, 0);
        assertThat(idle.deadlineNanos(2 * S)).isEqualTo(LifecycleConstants.MIN_IDLE_PTOS * 2 * S);
        assertThat(idle.deadlineNanos(Long.MAX_VALUE / 2)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aKeepaliveIsDueAnIntervalAfterTheLastAckElicitingPacket() {
        KeepaliveTimer keepalive = new KeepaliveTimer(15 * S, 0);
        assertThat(keepalive.isDue(15 * S - 1)).isFalse();
        assertThat(keepalive.isDue(15 * S)).isTrue();
        keepalive.onAckElicitingSent(10 * S);
        assertThat(keepalive.deadlineNanos()).isEqualTo(25 * S);
        keepalive.onAckElicitingSent(3 * S);
        assertThat(keepalive.deadlineNanos()).isEqualTo(25 * S);
    }

    @Test
    void theKeepaliveIntervalMustBeBelowTheIdleTimeout() {
        assertThat(LifecycleConfig.DEFAULT.keepaliveIntervalNanos()).isLessThan(LifecycleConfig.DEFAULT.idleTimeoutNanos());
        assertThatThrownBy(() -> LifecycleConfig.DEFAULT.withIdle(Duration.ofSeconds(10), Duration.ofSeconds(10)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LifecycleConfig.DEFAULT.withIdle(Duration.ofSeconds(10), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SessionConfig.defaults().withLifecycle(LifecycleConfig.DEFAULT.withMaxPmtu(1199)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
