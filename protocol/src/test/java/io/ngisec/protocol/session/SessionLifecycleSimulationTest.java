package io.ngisec.protocol.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The session lifecycle between two {@link SessionCore}s over simulated paths, all in simulated
 * time: idle timeout and keepalive, CLOSE during a transfer, and PLPMTUD finding the path MTU and
 * falling back when the path's MTU drops mid-transfer.
 */
class SessionLifecycleSimulationTest {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000 * MS;
    private static final SimulatedLink.Profile CLEAN = SimulatedLink.Profile.clean(50_000_000L, 20 * MS);

    private final SimulatedSessions sim = new SimulatedSessions(CLEAN, CLEAN, SessionConfig.defaults(), 11);

    @Test
    void idlePeersThatAreAliveKeepEachOtherAliveWithPingsAndTimeOutOnlyOnceThePathIsGone() {
        sim.loop.at(0, sim.alice::kick);
        sim.loop.at(0, sim.bob::kick);
        long tenMinutes = 600 * S;
        sim.loop.run(() -> false, tenMinutes);
        assertThat(sim.alice.session.end()).isEmpty();
        assertThat(sim.bob.session.end()).isEmpty();
        // One PING each per 15 s with nothing else to send (a PMTU search also elicits ACKs early on).
        assertThat(sim.alice.session.counters().keepalivesSent()).isBetween(35L, 41L);
        assertThat(sim.bob.session.counters().keepalivesSent()).isBetween(35L, 41L);

        long cut = sim.loop.now();
        sim.alice.out.down = true;
        sim.bob.out.down = true;
        sim.loop.run(() -> sim.alice.session.end().isPresent() && sim.bob.session.end().isPresent(), cut + 120 * S);
        for (SimulatedSessions.Endpoint e : new SimulatedSessions.Endpoint[] {sim.alice, sim.bob}) {
            assertThat(e.session.end()).hasValue(new SessionEnd(SessionFailure.Reason.IDLE_TIMEOUT, CloseReason.IDLE_TIMEOUT));
            assertThat(e.session.isTerminated()).isTrue();
            assertThat(e.session.counters().closesSent()).as("nothing is sent to a vanished peer").isZero();
            assertThat(e.record.opener().isClosed()).isTrue();
        }
        // Each heard the other last at most a keepalive interval (plus a round trip) before the cut.
        assertThat(sim.loop.now() - cut).isBetween(30 * S - 16 * S, 30 * S);
    }

    @Test
    void oneSideGoneLeavesTheOtherToTimeOutWhileItsOwnPingsGoUnanswered() {
        sim.loop.at(0, sim.alice::kick);
        sim.loop.at(0, sim.bob::kick);
        sim.loop.run(() -> false, 20 * S);
        sim.bob.out.down = true; // bob's replies vanish; alice's packets still reach him
        long cut = sim.loop.now();
        sim.loop.run(() -> sim.alice.session.end().isPresent(), cut + 60 * S);
        assertThat(sim.alice.session.end()).map(SessionEnd::reason).hasValue(SessionFailure.Reason.IDLE_TIMEOUT);
        assertThat(sim.loop.now() - cut).isLessThanOrEqualTo(30 * S);
        // Bob heard alice's PINGs (and probes) until she ended, then times out in turn.
        assertThat(sim.bob.session.end()).isEmpty();
        long aliceEnded = sim.loop.now();
        sim.loop.run(() -> sim.bob.session.end().isPresent(), aliceEnded + 60 * S);
        assertThat(sim.bob.session.end()).map(SessionEnd::reason).hasValue(SessionFailure.Reason.IDLE_TIMEOUT);
        assertThat(sim.loop.now() - aliceEnded).isLessThanOrEqualTo(30 * S);
    }

    @Test
    void aCloseWhoseFirstCopyIsLostIsRepeatedToTheSendingPeerWhichThenStops() throws Exception {
        Transfer bulk = new Transfer(64L << 20, 3);
        sim.bob.application = e -> bulk.pump(e.session);
        sim.alice.application = e -> bulk.drain(e.session);
        sim.loop.at(0, sim.bob::kick);
        sim.loop.at(500 * MS, () -> {
            sim.alice.out.down = true; // the first CLOSE is lost
            sim.alice.session.close(sim.loop.now(), CloseReason.application(7, "bye"));
            sim.alice.out.down = false;
            sim.alice.kick();
        });
        sim.loop.run(() -> sim.alice.session.isTerminated() && sim.bob.session.end().isPresent(), 60 * S);

        assertThat(sim.bob.session.end()).hasValue(new SessionEnd(SessionFailure.Reason.PEER_CLOSED,
                CloseReason.application(7, "bye")));
        assertThat(sim.alice.session.end()).hasValue(new SessionEnd(SessionFailure.Reason.CLOSED,
                CloseReason.application(7, "bye")));
        assertThat(sim.alice.session.counters().closesSent()).isBetween(2L, 12L);
        assertThat(bulk.received).isPositive().isLessThan(64L << 20);
        long bobSent = sim.bob.out.sent;
        sim.loop.run(() -> false, sim.loop.now() + 10 * S);
        assertThat(sim.bob.out.sent).as("bob sends nothing once closed").isEqualTo(bobSent);
        assertThat(sim.bob.session.nextTimeout(sim.loop.now())).isEmpty();
    }

    @Test
    void plpmtudFindsAPathMtuOf1400AndOnlyProbesAreTooBig() throws Exception {
        sim.alice.out.mtu = 1400;
        sim.bob.out.mtu = 1400;
        Transfer bulk = new Transfer(8L << 20, 5);
        sim.alice.application = e -> bulk.pump(e.session);
        sim.bob.application = e -> bulk.drain(e.session);
        sim.loop.at(0, sim.alice::kick);
        sim.loop.run(() -> bulk.done, 120 * S);
        assertThat(bulk.done).isTrue();
        assertThat(bulk.receivedDigest.digest()).isEqualTo(bulk.sentDigest.digest());
        sim.loop.run(() -> false, sim.loop.now() + 30 * S); // an idle session finishes the search too

        assertThat(sim.alice.session.pmtu()).isBetween(1400 - LifecycleConstants.SEARCH_GRANULARITY_BYTES + 1, 1400);
        SessionCounters c = sim.alice.session.counters();
        assertThat(c.pmtuProbesLost()).isEqualTo(3L * LifecycleConstants.MAX_PROBES);
        assertThat(sim.alice.out.mtuDrops).as("only probes were too big for the path").isEqualTo(c.pmtuProbesLost());
        assertThat(c.pmtuBlackHoles()).isZero();
    }

    @Test
    void whenThePathMtuDropsMidTransferTheBlackHoleIsDetectedAndTheSearchFindsTheNewMtu() throws Exception {
        Transfer bulk = new Transfer(12L << 20, 9);
        sim.alice.application = e -> bulk.pump(e.session);
        sim.bob.application = e -> bulk.drain(e.session);
        sim.loop.at(0, sim.alice::kick);
        int[] pmtuBefore = new int[1];
        sim.loop.at(S, () -> {
            pmtuBefore[0] = sim.alice.session.pmtu();
            sim.alice.out.mtu = 1300; // e.g. the route now crosses a tunnel
        });
        sim.loop.run(() -> sim.alice.session.counters().pmtuBlackHoles() > 0, 300 * S);
        long detected = sim.loop.now();
        sim.loop.run(() -> bulk.done, 300 * S);
        System.out.printf("MTU 1452 -> 1300 at 1 s: black hole detected after %.0f ms, transfer done at %.2f s, PMTU %d%n",
                (detected - S) / 1e6, sim.loop.now() / 1e9, sim.alice.session.pmtu());

        assertThat(pmtuBefore[0]).isEqualTo(LifecycleConfig.DEFAULT_MAX_PMTU_BYTES);
        assertThat(bulk.done).isTrue();
        assertThat(bulk.receivedDigest.digest()).isEqualTo(bulk.sentDigest.digest());
        assertThat(sim.alice.session.counters().pmtuBlackHoles()).isEqualTo(1);
        assertThat(sim.alice.session.pmtu()).isBetween(1300 - LifecycleConstants.SEARCH_GRANULARITY_BYTES + 1, 1300);
        assertThat(sim.alice.session.end()).isEmpty();
    }

    /** A seeded stream of {@code total} bytes into stream 0 and its reader, both hashing. */
    static final class Transfer {
        final MessageDigest sentDigest = SessionTransferSimulationTest.sha256();
        final MessageDigest receivedDigest = SessionTransferSimulationTest.sha256();
        private final long total;
        private final SplittableRandom random;
        private final ByteBuffer chunk = ByteBuffer.allocate(64 * 1024).limit(0);
        private final ByteBuffer in = ByteBuffer.allocate(256 * 1024);
        private long generated;
        private boolean finished;
        long received;
        boolean done;

        Transfer(long total, long seed) {
            this.total = total;
            this.random = new SplittableRandom(seed);
        }

        void pump(SessionCore session) {
            while (!finished && session.end().isEmpty()) {
                if (!chunk.hasRemaining()) {
                    if (generated == total) {
                        session.finish(0);
                        finished = true;
                        return;
                    }
                    byte[] bytes = new byte[(int) Math.min(chunk.capacity(), total - generated)];
                    random.nextBytes(bytes);
                    sentDigest.update(bytes);
                    generated += bytes.length;
                    chunk.clear();
                    chunk.put(bytes).flip();
                }
                if (session.write(0, chunk) == 0) {
                    return;
                }
            }
        }

        void drain(SessionCore session) {
            while (!done) {
                in.clear();
                int n = session.read(0, in);
                if (n < 0) {
                    done = true;
                } else if (n == 0) {
                    return;
                } else {
                    receivedDigest.update(in.array(), 0, n);
                    received += n;
                }
            }
        }
    }
}
