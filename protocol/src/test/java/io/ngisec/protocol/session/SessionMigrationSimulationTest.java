package io.ngisec.protocol.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A bulk transfer that changes paths half way, in simulated time: alice moves to a second path
 * (different rate, delay and loss), bob follows, the first path then dies, and the stream still
 * arrives bit-exact; a second path whose echo never comes back, or comes back forged, leaves the
 * session on the first one.
 */
class SessionMigrationSimulationTest {

    private static final long MS = 1_000_000L;
    private static final long TOTAL = 12L << 20;
    private static final SimulatedLink.Profile FIRST =
            new SimulatedLink.Profile(20_000_000L, 10 * MS, 64 * 1024, 0.01, 0.01, 2 * MS, 0.01);
    private static final SimulatedLink.Profile SECOND =
            new SimulatedLink.Profile(40_000_000L, 25 * MS, 128 * 1024, 0.01, 0.01, 2 * MS, 0.01);
    private static final long DEADLINE = 600_000 * MS;

    @Test
    void aTransferThatSwitchesPathsMidStreamArrivesExact() {
        SimulatedSessions sim = new SimulatedSessions(FIRST, FIRST, SessionConfig.defaults(), 11);
        SimulatedSessions.Path second = sim.addPath(SECOND, SECOND);
        Transfer transfer = new Transfer(sim);
        boolean[] cut = {false};
        sim.bob.application = e -> {
            transfer.receiver.drain(e.session);
            if (!cut[0] && sim.alice.migrator.current() == second.toBob() && sim.bob.migrator.current() == second.toAlice()) {
                cut[0] = true; // both moved: the first path dies, so whatever still works is the second
                sim.alice.out.down = true;
                sim.bob.out.down = true;
            }
        };
        transfer.moveHalfWay(() -> sim.alice.migrator.migrate(second.toBob(), sim.loop.now()));

        sim.loop.run(() -> transfer.receiver.done, DEADLINE);

        transfer.assertExact();
        assertThat(cut[0]).isTrue();
        assertThat(sim.alice.pathEvents).containsExactly("migrated");
        assertThat(sim.bob.pathEvents).containsExactly("migrated");
        assertThat(second.toBob().bytesDelivered).as("the second half went by the second path").isGreaterThan(TOTAL / 3);
        assertThat(sim.alice.session.counters().ackViolations()).isZero();
        assertThat(sim.bob.session.counters().streamErrors()).isZero();
        System.out.printf("migration mid-transfer: %d MiB in %.2f simulated s; first path carried %d bytes to bob,"
                        + " second %d; alice challenges %d, bob challenges %d%n",
                TOTAL >> 20, sim.loop.now() / 1e9, sim.alice.out.bytesDelivered, second.toBob().bytesDelivered,
                sim.alice.migrator.challengesSent(), sim.bob.migrator.challengesSent());
    }

    @Test
    void aPathWhoseEchoNeverArrivesIsNotTakenAndTheTransferCompletesOnTheOldOne() {
        SimulatedSessions sim = new SimulatedSessions(FIRST, FIRST, SessionConfig.defaults(), 12);
        SimulatedSessions.Path second = sim.addPath(SECOND, SECOND);
        second.toAlice().down = true; // bob's echoes (and his own challenges) are lost on the way back
        Transfer transfer = new Transfer(sim);
        sim.bob.application = e -> transfer.receiver.drain(e.session);
        transfer.moveHalfWay(() -> sim.alice.migrator.migrate(second.toBob(), sim.loop.now()));

        sim.loop.run(() -> transfer.receiver.done && !sim.alice.pathEvents.isEmpty() && !sim.bob.pathEvents.isEmpty(),
                DEADLINE);

        transfer.assertExact();
        assertThat(second.toBob().delivered).as("alice's challenges reached bob").isPositive();
        assertThat(second.toAlice().downDrops).as("bob answered").isPositive();
        assertThat(sim.alice.pathEvents).containsExactly("failed");
        assertThat(sim.bob.pathEvents).as("bob's validation of the path alice probed").containsExactly("failed");
        assertThat(sim.alice.migrator.current()).isSameAs(sim.alice.out);
        assertThat(sim.bob.migrator.current()).isSameAs(sim.bob.out);
    }

    @Test
    void forgedEchoesOnTheNewPathAreDroppedAndTheSessionStays() {
        SimulatedSessions sim = new SimulatedSessions(FIRST, FIRST, SessionConfig.defaults(), 13);
        SimulatedSessions.Path second = sim.addPath(SECOND, SECOND);
        // On the way back, an attacker replaces bob's packets with altered copies.
        second.toAlice().connect(d -> {
            byte[] forged = new byte[d.remaining()];
            d.get(forged);
            forged[forged.length - 1] ^= 1;
            sim.alice.onDatagram(ByteBuffer.wrap(forged), second.toBob());
        });
        Transfer transfer = new Transfer(sim);
        sim.bob.application = e -> transfer.receiver.drain(e.session);
        transfer.moveHalfWay(() -> sim.alice.migrator.migrate(second.toBob(), sim.loop.now()));

        sim.loop.run(() -> transfer.receiver.done && !sim.alice.pathEvents.isEmpty(), DEADLINE);

        transfer.assertExact();
        assertThat(second.toAlice().delivered).as("forged echoes arrived").isPositive();
        assertThat(sim.alice.record.stats().receive().totalDrops()).isGreaterThanOrEqualTo(second.toAlice().delivered);
        assertThat(sim.alice.pathEvents).containsExactly("failed");
        assertThat(sim.alice.migrator.current()).isSameAs(sim.alice.out);
    }

    /** TOTAL seeded bytes from alice to bob on stream 0, and a move once bob has half of them. */
    private static final class Transfer {
        final SimulatedSessions sim;
        final Sender sender = new Sender();
        final SessionTransferSimulationTest.Receiver receiver = new SessionTransferSimulationTest.Receiver();

        Transfer(SimulatedSessions sim) {
            this.sim = sim;
            sim.alice.application = e -> sender.pump(e.session);
            sim.loop.at(0, sim.alice::kick);
        }

        /** Runs {@code move} on alice's side once bob has read half the stream. */
        void moveHalfWay(Runnable move) {
            Runnable[] check = new Runnable[1];
            check[0] = () -> {
                if (receiver.received >= TOTAL / 2) {
                    move.run();
                    sim.alice.kick();
                } else {
                    sim.loop.at(sim.loop.now() + MS, check[0]);
                }
            };
            sim.loop.at(0, check[0]);
        }

        void assertExact() {
            assertThat(receiver.done).as("transfer finished in simulated time").isTrue();
            assertThat(receiver.received).isEqualTo(TOTAL);
            assertThat(receiver.digest.digest()).isEqualTo(sender.digest.digest());
        }
    }

    /** Writes TOTAL seeded bytes into stream 0, hashing them, then finishes it. */
    private static final class Sender {
        final MessageDigest digest = SessionTransferSimulationTest.sha256();
        private final SplittableRandom random = new SplittableRandom(5);
        private final ByteBuffer chunk = ByteBuffer.allocate(64 * 1024).limit(0);
        private long generated;
        private boolean finished;

        void pump(SessionCore session) {
            while (!finished) {
                if (!chunk.hasRemaining()) {
                    if (generated == TOTAL) {
                        session.finish(0);
                        finished = true;
                        return;
                    }
                    byte[] bytes = new byte[(int) Math.min(chunk.capacity(), TOTAL - generated)];
                    random.nextBytes(bytes);
                    digest.update(bytes);
                    generated += bytes.length;
                    chunk.clear();
                    chunk.put(bytes).flip();
                }
                if (session.write(0, chunk) == 0) {
                    return;
                }
            }
        }
    }
}
