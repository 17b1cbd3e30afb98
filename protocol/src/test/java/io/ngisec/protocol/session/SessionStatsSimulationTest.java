package io.ngisec.protocol.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.session.stats.ClassStats;
import io.ngisec.protocol.session.stats.CongestionStats;
import io.ngisec.protocol.session.stats.InboundLoss;
import io.ngisec.protocol.session.stats.RttStats;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The statistics of two simulated sessions checked against what the simulated link did: its
 * drops (per class), its delay, its rate, its reordering and the delay variation it added. All
 * time is simulated.
 */
class SessionStatsSimulationTest {

    private static final long MS = 1_000_000L;
    private static final long RATE = 50_000_000L;
    private static final long ONE_WAY = 20 * MS;
    private static final long TOTAL = 8L << 20;
    /** Deep enough that BBR's startup overshoot is not dropped: the only loss is the random 5%. */
    private static final long QUEUE = 4L << 20;

    @Test
    void lossRttThroughputAndInboundLossMatchTheLink() {
        SimulatedLink.Profile lossy = new SimulatedLink.Profile(RATE, ONE_WAY, QUEUE, 0.05, 0, 0, 0);
        SimulatedSessions sim = new SimulatedSessions(lossy, SimulatedLink.Profile.clean(RATE, ONE_WAY),
                SessionConfig.defaults().withBuffers(2 << 20, 4 << 20), 11);
        Transfer t = new Transfer(sim);
        Snapshot[] mid = new Snapshot[1];
        sim.loop.at(1_000 * MS, () -> mid[0] = new Snapshot(sim));
        t.runToEndThenSettle();

        SessionCore alice = sim.alice.session;
        SessionCore bob = sim.bob.session;
        Map<QosClass, ClassStats> sent = alice.traffic().classStats(sim.loop.now());
        Map<QosClass, ClassStats> received = bob.traffic().classStats(sim.loop.now());

        // Loss: every packet the link dropped is declared lost, under its class; nothing else is
        // (a FIFO path without reordering gives no spurious loss). A packet dropped at the very end
        // may never be declared: nothing after it is acknowledged.
        long linkDrops = sim.alice.out.randomDrops + sim.alice.out.queueDrops;
        assertThat(linkDrops).isPositive();
        for (QosClass q : QosClass.values()) {
            long dropped = sim.alice.out.dropsByClass[q.ordinal()];
            assertThat(sent.get(q).packetsLost()).as("%s lost", q).isBetween(dropped - 2, dropped);
        }
        assertThat(sent.get(QosClass.BULK).lossRate()).isBetween(0.04, 0.06);
        assertThat(sent.get(QosClass.VOICE).packetsLost()).isPositive();
        assertThat(alice.traffic().unattributedLosses()).isZero();

        // The receiver sees the same loss as gaps in the packet numbers, and every byte the link delivered.
        InboundLoss in = bob.traffic().inbound();
        assertThat(in.packetsMissing()).isBetween(linkDrops - 2, linkDrops);
        assertThat(in.packetsReceived()).isEqualTo(sim.alice.out.delivered);
        assertThat(received.values().stream().mapToLong(ClassStats::bytesReceived).sum())
                .isEqualTo(sim.alice.out.bytesDelivered);
        assertThat(received.values().stream().mapToLong(ClassStats::packetsReordered).sum()).isZero();
        assertThat(sent.get(QosClass.BULK).packetsSent()).isEqualTo(received.get(QosClass.BULK).packetsReceived()
                + sim.alice.out.dropsByClass[QosClass.BULK.ordinal()]);

        // RTT: 2 x 20 ms plus serialization; min has no queueing and no ACK delay in some sample.
        RttStats rtt = alice.rttStats();
        assertThat(rtt.sampled()).isTrue();
        assertThat(rtt.min()).isBetween(Duration.ofMillis(40), Duration.ofMillis(41));
        assertThat(rtt.smoothed()).isBetween(Duration.ofMillis(40), Duration.ofMillis(50));
        assertThat(rtt.latest()).isGreaterThanOrEqualTo(rtt.min());

        // Throughput mid-transfer: the receiver cannot get more than the link carries, and the
        // sender sends at least what arrives (it also sends what is lost).
        double linkBytesPerSecond = RATE / 8.0;
        double in1s = mid[0].bobBulk.receiveRate();
        assertThat(in1s).isBetween(0.5 * linkBytesPerSecond, 1.01 * linkBytesPerSecond);
        assertThat(mid[0].aliceBulk.sendRate()).isGreaterThanOrEqualTo(in1s);
        assertThat(mid[0].congestion.congestionWindow()).isPositive();
        assertThat(mid[0].congestion.bytesInFlight()).isPositive();
        assertThat(mid[0].congestion.pacingRate()).isPositive();

        System.out.printf("simulated 5%% loss, 20 ms each way: link dropped %d (voice %d, bulk %d, control %d);"
                        + " declared lost voice %d, bulk %d (%.2f%%), control %d; inbound missing %d;"
                        + " rtt min %s smoothed %s; mid-transfer bulk in %.2f MB/s, out %.2f MB/s, cwnd %d%n",
                linkDrops, sim.alice.out.dropsByClass[QosClass.VOICE.ordinal()],
                sim.alice.out.dropsByClass[QosClass.BULK.ordinal()],
                sim.alice.out.dropsByClass[QosClass.CONTROL.ordinal()], sent.get(QosClass.VOICE).packetsLost(),
                sent.get(QosClass.BULK).packetsLost(), 100 * sent.get(QosClass.BULK).lossRate(),
                sent.get(QosClass.CONTROL).packetsLost(), in.packetsMissing(), rtt.min(), rtt.smoothed(),
                in1s / 1e6, mid[0].aliceBulk.sendRate() / 1e6, mid[0].congestion.congestionWindow());
    }

    @Test
    void reorderingOnTheLinkIsCounted() {
        SimulatedLink.Profile reordering = new SimulatedLink.Profile(RATE, ONE_WAY, QUEUE, 0, 0.05, 2 * MS, 0);
        SimulatedSessions sim = new SimulatedSessions(reordering, SimulatedLink.Profile.clean(RATE, ONE_WAY),
                SessionConfig.defaults().withBuffers(2 << 20, 4 << 20), 12);
        new Transfer(sim).runToEndThenSettle();

        ClassStats bulk = sim.bob.session.traffic().classStats(sim.loop.now()).get(QosClass.BULK);
        // 5% of packets held up to 2 ms, at ~5,000 packets a second: most are overtaken by several.
        assertThat(bulk.packetsReordered()).isBetween((long) (0.01 * bulk.packetsReceived()),
                (long) (0.05 * bulk.packetsReceived()));
        long linkDrops = sim.alice.out.queueDrops;
        assertThat(sim.bob.session.traffic().inbound().packetsMissing()).isBetween(linkDrops - 2, linkDrops);
    }

    @Test
    void voiceJitterMatchesTheDelayVariationOfTheLink() {
        // Every packet is held a uniform 0..6 ms extra: consecutive packets differ by E|U1 - U2| = 2 ms.
        SimulatedLink.Profile jittery = new SimulatedLink.Profile(RATE, ONE_WAY, 32 * 1024, 0, 1.0, 6 * MS, 0);
        SimulatedSessions sim = new SimulatedSessions(jittery, SimulatedLink.Profile.clean(RATE, ONE_WAY),
                SessionConfig.defaults(), 13);
        long[] seq = {0};
        Runnable[] voice = new Runnable[1];
        voice[0] = () -> {
            if (seq[0]++ < 3_000) { // 60 s of 20 ms frames
                sim.alice.session.sendDatagram(1, new byte[160]);
                sim.alice.kick();
                sim.loop.at(sim.loop.now() + 20 * MS, voice[0]);
            }
        };
        sim.bob.application = e -> {
            while (e.session.receiveDatagram().isPresent()) {
                // drain
            }
        };
        sim.loop.at(0, voice[0]);
        sim.loop.run(() -> false, 70_000 * MS);

        ClassStats v = sim.bob.session.traffic().classStats(sim.loop.now()).get(QosClass.VOICE);
        assertThat(v.packetsReceived()).isEqualTo(3_000);
        Optional<Duration> jitter = v.jitter();
        assertThat(jitter).hasValueSatisfying(j -> assertThat(j).isBetween(Duration.ofMillis(1), Duration.ofMillis(3)));
        assertThat(sim.alice.session.traffic().classStats(sim.loop.now()).get(QosClass.VOICE).jitter()).isEmpty();
        System.out.printf("simulated voice with 0..6 ms uniform extra delay: jitter %.2f ms (expected about 2)%n",
                jitter.orElseThrow().toNanos() / 1e6);
    }

    /** RTT, congestion and the bulk class of both sides at one instant. */
    private record Snapshot(ClassStats aliceBulk, ClassStats bobBulk, CongestionStats congestion) {
        Snapshot(SimulatedSessions sim) {
            this(sim.alice.session.traffic().classStats(sim.loop.now()).get(QosClass.BULK),
                    sim.bob.session.traffic().classStats(sim.loop.now()).get(QosClass.BULK),
                    sim.alice.session.congestionStats());
        }
    }

    /** TOTAL seeded bytes alice to bob with a voice frame every 20 ms, checked bit-exact. */
    private static final class Transfer {
        private final SimulatedSessions sim;
        private final SessionTransferSimulationTest.Sender sender;
        private final SessionTransferSimulationTest.Receiver receiver = new SessionTransferSimulationTest.Receiver();

        Transfer(SimulatedSessions sim) {
            this.sim = sim;
            this.sender = new SessionTransferSimulationTest.Sender(new java.util.SplittableRandom(7), TOTAL);
        }

        void runToEndThenSettle() {
            sim.alice.application = e -> sender.pump(e.session);
            sim.bob.application = e -> {
                receiver.drain(e.session);
                while (e.session.receiveDatagram().isPresent()) {
                    // voice is only load here
                }
            };
            long[] seq = {0};
            Runnable[] voice = new Runnable[1];
            voice[0] = () -> {
                if (!receiver.done) {
                    byte[] frame = new byte[160];
                    ByteBuffer.wrap(frame).putLong(seq[0]++);
                    sim.alice.session.sendDatagram(1, frame);
                    sim.alice.kick();
                    sim.loop.at(sim.loop.now() + 20 * MS, voice[0]);
                }
            };
            sim.loop.at(0, sim.alice::kick);
            sim.loop.at(0, voice[0]);
            sim.loop.run(() -> receiver.done, 300_000 * MS);
            assertThat(receiver.done).as("transfer finished in simulated time").isTrue();
            assertThat(receiver.received).isEqualTo(TOTAL);
            assertThat(receiver.digest.digest()).isEqualTo(sender.digest.digest());
            // Let the last ACKs and any retransmission land, so nothing is in flight when counting.
            sim.loop.run(() -> false, sim.loop.now() + 2_000 * MS);
        }
    }
}
