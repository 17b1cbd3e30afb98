package io.ngisec.protocol.session.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.record.DropReason;
import io.ngisec.protocol.transport.CandidateType;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StatsPublisherTest {

    private static final long MS = 1_000_000L;

    /** An executor that runs tasks only when the test says so: a listener as slow as the test likes. */
    private static final class ManualExecutor implements Executor {
        final ArrayDeque<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void runAll() {
            while (!tasks.isEmpty()) {
                tasks.poll().run();
            }
        }
    }

    private final StatsPublisher publisher = new StatsPublisher();
    private final AtomicInteger built = new AtomicInteger();

    private SessionStats snapshot(long nowNanos) {
        built.incrementAndGet();
        return stats(Duration.ofNanos(nowNanos));
    }

    @Test
    void withoutSubscriptionsNothingIsBuiltAndNothingIsDue() {
        assertThat(publisher.publishDue(0, this::snapshot)).isEqualTo(Long.MAX_VALUE);
        assertThat(built).hasValue(0);
    }

    @Test
    void deliversEveryIntervalAndTellsTheDriverWhenTheNextIsDue() {
        List<SessionStats> got = new ArrayList<>();
        ManualExecutor executor = new ManualExecutor();
        StatsSubscription sub = publisher.subscribe(got::add, Duration.ofMillis(100), executor, 0);

        assertThat(publisher.publishDue(50 * MS, this::snapshot)).isEqualTo(100 * MS);
        assertThat(built).hasValue(0);
        assertThat(publisher.publishDue(100 * MS, this::snapshot)).isEqualTo(200 * MS);
        executor.runAll();
        assertThat(publisher.publishDue(205 * MS, this::snapshot)).isEqualTo(300 * MS);
        executor.runAll();

        assertThat(got).extracting(SessionStats::age).containsExactly(Duration.ofMillis(100), Duration.ofMillis(205));
        assertThat(sub.delivered()).isEqualTo(2);
    }

    @Test
    void oneSnapshotServesEverySubscriptionDueAtOnce() {
        ManualExecutor executor = new ManualExecutor();
        List<SessionStats> a = new ArrayList<>();
        List<SessionStats> b = new ArrayList<>();
        publisher.subscribe(a::add, Duration.ofMillis(100), executor, 0);
        publisher.subscribe(b::add, Duration.ofMillis(100), executor, 0);
        publisher.subscribe(x -> { }, Duration.ofMillis(30), executor, 0);

        assertThat(publisher.publishDue(100 * MS, this::snapshot)).isEqualTo(130 * MS);
        executor.runAll();
        assertThat(built).hasValue(1);
        assertThat(a.getFirst()).isSameAs(b.getFirst());
    }

    @Test
    void aSlowListenerGetsTheLatestSnapshotNotABacklog() {
        ManualExecutor executor = new ManualExecutor();
        List<SessionStats> got = new ArrayList<>();
        StatsSubscription sub = publisher.subscribe(got::add, Duration.ofMillis(10), executor, 0);
        for (long t = 10; t <= 100; t += 10) {
            publisher.publishDue(t * MS, this::snapshot); // the listener does not run meanwhile
        }
        assertThat(executor.tasks).hasSize(1);
        executor.runAll();

        assertThat(got).extracting(SessionStats::age).containsExactly(Duration.ofMillis(100));
        assertThat(sub.replaced()).isEqualTo(9);
    }

    @Test
    void aDriverThatFellBehindDoesNotCatchUpWithABurst() {
        ManualExecutor executor = new ManualExecutor();
        publisher.subscribe(x -> { }, Duration.ofMillis(10), executor, 0);
        assertThat(publisher.publishDue(1_000 * MS, this::snapshot)).isEqualTo(1_010 * MS);
        assertThat(publisher.publishDue(1_001 * MS, this::snapshot)).isEqualTo(1_010 * MS);
        assertThat(built).hasValue(1);
    }

    @Test
    void aClosedSubscriptionGetsNothingMoreAndIsForgotten() {
        ManualExecutor executor = new ManualExecutor();
        List<SessionStats> got = new ArrayList<>();
        StatsSubscription sub = publisher.subscribe(got::add, Duration.ofMillis(10), executor, 0);
        publisher.publishDue(10 * MS, this::snapshot);
        sub.close();
        executor.runAll();
        assertThat(publisher.publishDue(20 * MS, this::snapshot)).isEqualTo(Long.MAX_VALUE);
        assertThat(got).isEmpty();
        assertThat(sub.isClosed()).isTrue();
    }

    @Test
    void closeAllEndsEverySubscription() {
        StatsSubscription sub = publisher.subscribe(x -> { }, Duration.ofMillis(10), Runnable::run, 0);
        publisher.closeAll();
        assertThat(sub.isClosed()).isTrue();
        assertThat(publisher.publishDue(10 * MS, this::snapshot)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aThrowingListenerKeepsItsSubscription() {
        AtomicInteger calls = new AtomicInteger();
        StatsSubscription sub = publisher.subscribe(x -> {
            calls.incrementAndGet();
            throw new IllegalStateException("listener bug");
        }, Duration.ofMillis(10), Runnable::run, 0);
        publisher.publishDue(10 * MS, this::snapshot);
        publisher.publishDue(20 * MS, this::snapshot);
        assertThat(calls).hasValue(2);
        assertThat(sub.isClosed()).isFalse();
    }

    @Test
    void aRefusingExecutorLosesThatDeliveryButNotTheNext() {
        AtomicInteger refusals = new AtomicInteger(1);
        List<SessionStats> got = new ArrayList<>();
        publisher.subscribe(got::add, Duration.ofMillis(10), task -> {
            if (refusals.getAndDecrement() > 0) {
                throw new RejectedExecutionException("busy");
            }
            task.run();
        }, 0);
        publisher.publishDue(10 * MS, this::snapshot);
        publisher.publishDue(20 * MS, this::snapshot);
        assertThat(got).extracting(SessionStats::age).containsExactly(Duration.ofMillis(20));
    }

    @Test
    void refusesANonPositiveInterval() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> publisher.subscribe(x -> { }, Duration.ZERO, Runnable::run, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A snapshot with everything zero but its age. */
    static SessionStats stats(Duration age) {
        InetSocketAddress a = new InetSocketAddress("127.0.0.1", 5000);
        InetSocketAddress b = new InetSocketAddress("127.0.0.1", 5001);
        Map<QosClass, ClassStats> classes = new TrafficCollector().classStats(0);
        return new SessionStats(age, new PathInfo(a, b, CandidateType.HOST, CandidateType.HOST, 1200),
                new SecurityStats("Noise_XX_25519_AESGCM_SHA256", "AES-256-GCM", Duration.ofMillis(3), 0, 0, 0,
                        Duration.ZERO, 0, 0, Duration.ZERO),
                new RttStats(false, Duration.ZERO, Duration.ZERO, Duration.ofMillis(333), Duration.ofMillis(166)),
                new CongestionStats(12_000, 0, 1e6), classes, new InboundLoss(-1, 0), 0, 0,
                new DropCounts(Map.of(DropReason.REPLAY, 0L), 0, 0, 0, 0, 0, 0, 0));
    }
}
