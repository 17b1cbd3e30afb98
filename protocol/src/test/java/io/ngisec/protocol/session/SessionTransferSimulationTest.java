package io.ngisec.protocol.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.protocol.channel.frame.DatagramFrame;
import io.ngisec.protocol.record.DropReason;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Two sessions over a lossy, reordering, duplicating simulated path: a 64 MiB bulk transfer
 * arrives bit-exact while a voice flow of one 160-byte datagram every 20 ms keeps its latency,
 * and garbage injected into the receiver is dropped and counted. All time is simulated.
 */
class SessionTransferSimulationTest {

    private static final long MS = 1_000_000L;
    private static final long TOTAL = 64L << 20;
    private static final long RATE = 50_000_000L;
    private static final long ONE_WAY = 20 * MS;
    private static final SimulatedLink.Profile LOSSY =
            new SimulatedLink.Profile(RATE, ONE_WAY, 32 * 1024, 0.05, 0.05, 2 * MS, 0.02);

    @Test
    void bulkTransferIsExactAndVoiceKeepsItsLatencyUnderLossReorderingAndDuplication() throws Exception {
        SimulatedSessions sim = new SimulatedSessions(LOSSY, LOSSY,
                SessionConfig.defaults().withBuffers(2 << 20, 4 << 20), 42);
        Sender sender = new Sender(new SplittableRandom(7));
        Receiver receiver = new Receiver();
        sim.alice.application = e -> sender.pump(e.session);
        Map<Long, Long> voiceQueuedAt = new HashMap<>();
        List<Long> voiceDelays = new ArrayList<>();
        sim.bob.application = e -> {
            receiver.drain(e.session);
            for (Optional<DatagramFrame> d = e.session.receiveDatagram(); d.isPresent(); d = e.session.receiveDatagram()) {
                long seq = ByteBuffer.wrap(d.get().data()).getLong();
                voiceDelays.add(sim.loop.now() - voiceQueuedAt.get(seq));
            }
        };
        long[] voiceSeq = {0};
        Runnable[] voice = new Runnable[1];
        voice[0] = () -> {
            if (receiver.done) {
                return;
            }
            byte[] frame = new byte[160];
            ByteBuffer.wrap(frame).putLong(voiceSeq[0]);
            voiceQueuedAt.put(voiceSeq[0]++, sim.loop.now());
            assertThat(sim.alice.session.sendDatagram(1, frame)).isTrue();
            sim.alice.kick();
            sim.loop.at(sim.loop.now() + 20 * MS, voice[0]);
        };
        int garbageInjected = 50;
        for (int i = 0; i < garbageInjected; i++) {
            byte[] junk = new byte[1 + new SplittableRandom(i).nextInt(1200)];
            new SplittableRandom(1000 + i).nextBytes(junk);
            sim.loop.at(i * 100 * MS, () -> sim.alice.out.inject(junk));
        }
        sim.loop.at(0, sim.alice::kick);
        sim.loop.at(0, voice[0]);
        long deadline = 600_000 * MS;
        sim.loop.run(() -> receiver.done, deadline);

        assertThat(receiver.done).as("transfer finished in simulated time").isTrue();
        assertThat(receiver.received).isEqualTo(TOTAL);
        assertThat(receiver.digest.digest()).isEqualTo(sender.digest.digest());
        long elapsed = sim.loop.now();
        double goodput = TOTAL * 8.0 / (elapsed / 1e9);

        // Voice: every frame that was delivered came within one-way delay plus the worst the path
        // can add (full drop-tail queue, reordering) plus 1 ms; none waited in the sender.
        long bound = ONE_WAY + LOSSY.maxExtraDelayNanos(1200) + MS;
        assertThat(voiceDelays).hasSizeGreaterThan((int) (voiceSeq[0] * 0.85));
        assertThat(voiceDelays).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(bound));

        // Garbage: dropped by the record layer, counted, and the transfer was unaffected (above).
        // Real packets are dropped there only as duplicates (REPLAY); everything else is the garbage.
        Map<DropReason, Long> drops = sim.bob.record.stats().receive().drops();
        long garbageDrops = sim.bob.record.stats().receive().totalDrops() - drops.get(DropReason.REPLAY);
        assertThat(garbageDrops).isEqualTo(garbageInjected);
        assertThat(drops.get(DropReason.REPLAY)).isPositive();
        assertThat(sim.bob.session.counters().malformedPackets()).isZero();
        assertThat(sim.bob.session.counters().streamErrors()).isZero();
        assertThat(sim.alice.session.counters().ackViolations()).isZero();

        long maxDelay = voiceDelays.stream().mapToLong(Long::longValue).max().orElse(0);
        double meanDelay = voiceDelays.stream().mapToLong(Long::longValue).average().orElse(0);
        System.out.printf("64 MiB over %d Mbit/s, %d ms one-way, 5%% loss, 5%% reordered (<= 2 ms), 2%% duplicated:%n"
                        + "  %.2f simulated s, goodput %.1f Mbit/s = %.1f%% of link; packets sent %d, random drops %d,"
                        + " queue drops %d%n  voice: %d queued, %d delivered, delay mean %.2f ms max %.2f ms (bound %.2f ms);"
                        + " garbage %d injected, record drops at receiver %s%n",
                RATE / 1_000_000, ONE_WAY / MS, elapsed / 1e9, goodput / 1e6, 100 * goodput / RATE,
                sim.alice.out.sent, sim.alice.out.randomDrops, sim.alice.out.queueDrops,
                voiceSeq[0], voiceDelays.size(), meanDelay / MS, maxDelay / (double) MS, bound / (double) MS,
                garbageInjected, drops);
        assertThat(goodput).as("goodput").isGreaterThan(0.5 * RATE);
    }

    /** Writes a number of deterministic pseudo-random bytes (TOTAL unless told) into stream 0, hashing them. */
    static final class Sender {
        final MessageDigest digest = sha256();
        private final SplittableRandom random;
        private final long total;
        private final ByteBuffer chunk = ByteBuffer.allocate(64 * 1024).limit(0);
        private long generated;
        private boolean finished;

        Sender(SplittableRandom random) {
            this(random, TOTAL);
        }

        Sender(SplittableRandom random, long total) {
            this.random = random;
            this.total = total;
        }

        void pump(SessionCore session) {
            while (!finished) {
                if (!chunk.hasRemaining()) {
                    if (generated == total) {
                        session.finish(0);
                        finished = true;
                        return;
                    }
                    int n = (int) Math.min(chunk.capacity(), total - generated);
                    byte[] bytes = new byte[n];
                    random.nextBytes(bytes);
                    digest.update(bytes);
                    generated += n;
                    chunk.clear();
                    chunk.put(bytes).flip();
                }
                if (session.write(0, chunk) == 0) {
                    return;
                }
            }
        }
    }

    /** Reads stream 0 to its end, hashing what arrives. */
    static final class Receiver {
        final MessageDigest digest = sha256();
        private final ByteBuffer buffer = ByteBuffer.allocate(256 * 1024);
        long received;
        boolean done;

        void drain(SessionCore session) {
            while (!done) {
                buffer.clear();
                int n = session.read(0, buffer);
                if (n < 0) {
                    done = true;
                } else if (n == 0) {
                    return;
                } else {
                    digest.update(buffer.array(), 0, n);
                    received += n;
                }
            }
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
