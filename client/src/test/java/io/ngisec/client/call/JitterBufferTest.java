package io.ngisec.client.call;

import static io.ngisec.client.call.PlayoutSimulation.MS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class JitterBufferTest {

    private static final int SPEECH_ONLY_LAST = Integer.MAX_VALUE;

    @Test
    void silenceUntilTheFirstFrameHasWaitedOutTheTarget() {
        JitterBuffer buffer = new JitterBuffer();
        assertThat(buffer.next(0)).isEqualTo(new Playout.Silence());

        buffer.offer(PlayoutSimulation.frame(0, false), 30 * MS);

        assertThat(buffer.next(40 * MS)).isEqualTo(new Playout.Silence());
        assertThat(buffer.next(50 * MS)).isEqualTo(new Playout.Play(PlayoutSimulation.frame(0, false)));
    }

    @Test
    void steadyStreamPlaysEveryFrameInOrderAtTheLowerBound() {
        PlayoutSimulation sim = new PlayoutSimulation(new JitterBuffer())
                .run(3000, 0, n -> n % 100 > 70, n -> 30 * MS, 200);

        assertThat(sim.playedIndexes()).containsExactlyElementsOf(LongStream.range(0, 3000).boxed().toList());
        JitterBufferStats s = sim.stats();
        assertThat(s.targetDelayNanos()).isEqualTo(20 * MS);
        for (PlayoutSimulation.Tick t : sim.ticks.subList(10, 3000)) {
            assertThat(t.stats().currentDelayNanos()).as("at %d", t.nowNanos()).isBetween(20 * MS, 40 * MS - 1);
        }
        assertThat(s.played()).isEqualTo(3000);
        assertThat(s.lost() + s.late() + s.duplicate() + s.reordered() + s.stretched() + s.silenceDropped()
                + s.overflowDropped() + s.resyncs()).isZero();
    }

    @Test
    void reorderingWithinTheTargetDelayRecoversOrder() {
        // Even frames take 25 ms longer than odd ones, so each odd frame overtakes the even one before it.
        PlayoutSimulation sim = new PlayoutSimulation(new JitterBuffer())
                .run(2000, 0, n -> false, n -> (n % 2 == 0 ? 55 : 30) * MS, 300);

        assertThat(sim.playedIndexes()).containsExactlyElementsOf(LongStream.range(0, 2000).boxed().toList());
        JitterBufferStats s = sim.stats();
        assertThat(s.reordered()).isEqualTo(1000);
        assertThat(s.targetDelayNanos()).isBetween(24 * MS, 25 * MS);
        assertThat(s.late() + s.lost()).isZero();
    }

    @Test
    void duplicatesAreDroppedAndCounted() {
        // Every fifth frame comes twice, 5 ms apart; every 50th once more a second later, long after it played.
        PlayoutSimulation sim = new PlayoutSimulation(new JitterBuffer()).run(1000, 0, n -> false,
                new PlayoutSimulation.Network() {
                    @Override
                    public long transitNanos(int n) {
                        return 30 * MS;
                    }

                    @Override
                    public long[] duplicateTransits(int n) {
                        return n % 50 == 0 ? new long[] {35 * MS, 1030 * MS} : n % 5 == 0 ? new long[] {35 * MS} : new long[0];
                    }
                }, 1500);

        assertThat(sim.playedIndexes()).containsExactlyElementsOf(LongStream.range(0, 1000).boxed().toList());
        assertThat(sim.stats().duplicate()).isEqualTo(200 + 20);
        assertThat(sim.arrivals).filteredOn(a -> a == JitterBuffer.Arrival.DUPLICATE).hasSize(220);
        assertThat(sim.stats().late() + sim.stats().lost()).isZero();
    }

    @Test
    void lossBurstRecoversTheLastLostFrameFromFecAndConcealsTheRest() {
        PlayoutSimulation sim = new PlayoutSimulation(new JitterBuffer())
                .run(300, 0, n -> false, n -> n >= 100 && n < 105 ? -1 : 30 * MS, 200);

        List<Playout> decisions = sim.ticks.stream().map(PlayoutSimulation.Tick::playout)
                .filter(p -> !(p instanceof Playout.Silence)).toList();
        long base = PlayoutSimulation.FIRST_SEQUENCE;
        assertThat(decisions.subList(99, 106)).containsExactly(
                new Playout.Play(PlayoutSimulation.frame(99, false)),
                new Playout.Conceal(base + 100), new Playout.Conceal(base + 101), new Playout.Conceal(base + 102),
                new Playout.Conceal(base + 103),
                new Playout.DecodeFec(base + 104, PlayoutSimulation.frame(105, false)),
                new Playout.Play(PlayoutSimulation.frame(105, false)));
        JitterBufferStats s = sim.stats();
        assertThat(s.lost()).isEqualTo(5);
        assertThat(s.concealed()).isEqualTo(4);
        assertThat(s.fecRecovered()).isEqualTo(1);
        assertThat(s.played()).isEqualTo(295);
        assertThat(s.late() + s.stretched()).isZero();
    }

    @Test
    void singleLostFrameBetweenTwoPresentOnesIsRecoveredFromFec() {
        PlayoutSimulation sim = new PlayoutSimulation(new JitterBuffer())
                .run(300, 0, n -> false, n -> n % 10 == 5 ? -1 : 30 * MS, 200);

        assertThat(sim.stats().fecRecovered()).isEqualTo(30);
        assertThat(sim.stats().concealed()).isZero();
    }

    @Test
    void delaySpikeRaisesTheTargetWithinBoundsAndItComesBackDownDuringSilence() {
        // Speech until frame 1000; frames 500-649 (3 s) take 100 ms longer; then 20 s of silence.
        PlayoutSimulation sim = new PlayoutSimulation(new JitterBuffer())
                .run(2000, 0, n -> n >= 1000, n -> (n >= 500 && n < 650 ? 130 : 30) * MS, 200);

        LongSummaryStatistics target = sim.ticks.stream().mapToLong(t -> t.stats().targetDelayNanos()).summaryStatistics();
        assertThat(target.getMax()).isBetween(95 * MS, 105 * MS);
        PlayoutSimulation.Tick afterSpike = sim.ticks.get(700);
        assertThat(afterSpike.stats().currentDelayNanos()).as("the buffer grew").isGreaterThan(80 * MS);
        JitterBufferStats s = sim.stats();
        assertThat(s.stretched()).isPositive();
        assertThat(s.targetDelayNanos()).isEqualTo(20 * MS);
        assertThat(s.currentDelayNanos()).isBetween(20 * MS, 45 * MS);
        assertThat(s.silenceDropped()).isPositive();
        assertThat(s.overflowDropped()).isZero();
        // While speech lasted the buffer kept its delay: no drops before frame 1000 played.
        for (PlayoutSimulation.Tick t : sim.ticks) {
            if (t.playout() instanceof Playout.Play(MediaFrame f) && !f.silence()) {
                assertThat(t.stats().silenceDropped()).isZero();
            }
        }
    }

    @Test
    void targetStaysWithinTheUpperBoundOnAHugeSpike() {
        PlayoutSimulation sim = new PlayoutSimulation(new JitterBuffer())
                .run(1500, 0, n -> n >= 800, n -> (n >= 300 && n < 500 ? 430 : 30) * MS, 200);

        LongSummaryStatistics target = sim.ticks.stream().mapToLong(t -> t.stats().targetDelayNanos()).summaryStatistics();
        assertThat(target.getMax()).isEqualTo(200 * MS);
        assertThat(target.getMin()).isEqualTo(20 * MS);
        assertThat(sim.stats().late()).isPositive();
        assertThat(sim.stats().targetDelayNanos()).isEqualTo(20 * MS);
    }

    @Test
    void configuredBoundsHold() {
        JitterBufferConfig config = new JitterBufferConfig(Duration.ofMillis(60), Duration.ofMillis(80), 100, 0.95, 3);
        PlayoutSimulation sim = new PlayoutSimulation(new JitterBuffer(config))
                .run(1000, 0, n -> false, n -> (n >= 300 && n < 500 ? 230 : 30) * MS, 200);

        assertThat(sim.ticks).allSatisfy(t -> assertThat(t.stats().targetDelayNanos()).isBetween(60 * MS, 80 * MS));
    }

    @Test
    void targetFollowsTheNinetyFifthPercentileOfAKnownJitter() {
        // Transit 30 ms plus uniform 0-80 ms: the 95th percentile of the variation is 76 ms.
        SplittableRandom random = new SplittableRandom(42);
        long[] jitter = random.longs(6000, 0, 80 * MS).toArray();
        PlayoutSimulation sim = new PlayoutSimulation(new JitterBuffer())
                .run(6000, 0, n -> false, n -> 30 * MS + jitter[n], 300);

        List<Long> targets = new ArrayList<>();
        for (int i = 1000; i < 6000; i += 50) {
            targets.add(sim.ticks.get(i).stats().targetDelayNanos());
        }
        // A little below 76 ms: the baseline creeps up (1% of media time) between the rare fastest
        // frames, so delays are measured from a few ms above the true minimum.
        assertThat(targets).allSatisfy(t -> assertThat(t).isBetween(65 * MS, 80 * MS));
        // About 5% of frames miss their time; the band above the target and its hysteresis keep it near that.
        JitterBufferStats s = sim.stats();
        assertThat(s.late()).isLessThan(6000L * 8 / 100);
        assertThat(s.played() + s.late()).isEqualTo(6000);
        assertThat(s.overflowDropped()).isZero();
    }

    @ParameterizedTest(name = "drift {0}")
    @ValueSource(doubles = {0.005, -0.005})
    void senderClockDriftOfHalfAPercentKeepsTheDelayBoundedOverTenMinutes(double drift) {
        // Talk spurts of 1.5 s with 1 s pauses, 0-10 ms jitter, 10 minutes (30,000 frames).
        SplittableRandom random = new SplittableRandom(7);
        int frames = 30_000;
        long[] jitter = random.longs(frames, 0, 10 * MS).toArray();
        PlayoutSimulation sim = new PlayoutSimulation(new JitterBuffer())
                .run(frames, drift, n -> n % 125 >= 75, n -> 30 * MS + jitter[n], 300);

        List<PlayoutSimulation.Tick> settled = sim.ticks.subList(500, sim.ticks.size() - 50);
        LongSummaryStatistics delay = settled.stream().mapToLong(t -> t.stats().currentDelayNanos()).summaryStatistics();
        LongSummaryStatistics held = settled.stream().mapToLong(t -> t.stats().bufferedFrames()).summaryStatistics();
        assertThat(delay.getMax()).isLessThan(90 * MS);
        assertThat(delay.getMin()).isGreaterThan(0);
        assertThat(held.getMax()).isLessThanOrEqualTo(6);
        JitterBufferStats s = sim.stats();
        // 0.5% of 10 minutes is 3 s: 150 frames to drop (fast sender) or to stretch (slow sender).
        long corrections = drift > 0 ? s.silenceDropped() : s.stretched();
        assertThat(corrections).isBetween(140L, 175L);
        assertThat(s.overflowDropped()).isZero();
        assertThat(s.late() + s.lost()).isLessThan(frames / 100);
    }

    @Test
    void fastSenderInUnbrokenSpeechIsHeldAtTheUpperBound() {
        PlayoutSimulation sim = new PlayoutSimulation(new JitterBuffer())
                .run(30_000, 0.005, n -> false, n -> 30 * MS, 300);

        long maxDelay = sim.ticks.stream().mapToLong(t -> t.stats().currentDelayNanos()).max().orElseThrow();
        assertThat(maxDelay).isLessThan(200 * MS + 2 * MediaFormat.FRAME_NANOS);
        assertThat(sim.stats().overflowDropped()).isBetween(100L, 175L);
        assertThat(sim.stats().silenceDropped()).isZero();
    }

    @Test
    void lateFramesAreCountedAndNotPlayed() {
        // Frames 300 and 700 come half a second after their neighbours.
        PlayoutSimulation sim = new PlayoutSimulation(new JitterBuffer())
                .run(1000, 0, n -> false, n -> (n == 300 || n == 700 ? 530 : 30) * MS, 800);

        assertThat(sim.playedIndexes()).doesNotContain(300L, 700L).hasSize(998);
        JitterBufferStats s = sim.stats();
        assertThat(s.late()).isEqualTo(2);
        assertThat(s.lost()).isEqualTo(2);
        assertThat(s.fecRecovered()).isEqualTo(2);
        assertThat(sim.arrivals).filteredOn(a -> a == JitterBuffer.Arrival.LATE).hasSize(2);
    }

    @Test
    void senderThatStartsOverFarAwayIsFollowedAfterAResync() {
        JitterBuffer buffer = new JitterBuffer();
        long now = 0;
        List<Playout> out = new ArrayList<>();
        for (int n = 0; n < 200; n++, now += 20 * MS) {
            // A restarted sender jumps 20,000 sequence numbers and a minute of timestamps.
            int jump = n < 100 ? 0 : 20_000;
            MediaFrame f = new MediaFrame((n + jump) % 65536, (n + jump * 3000L) * 960 % MediaTimestamps.MODULUS, false, new byte[40]);
            buffer.offer(f, now);
            out.add(buffer.next(now + 10 * MS));
        }

        assertThat(buffer.stats().resyncs()).isEqualTo(1);
        assertThat(out.subList(150, 200)).allSatisfy(p -> assertThat(p).isInstanceOf(Playout.Play.class));
        assertThat(buffer.stats().bufferedFrames()).isLessThanOrEqualTo(2);
    }
}
