package io.ngisec.protocol.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.protocol.channel.frame.PathResponseFrame;
import io.ngisec.protocol.congestion.RttEstimator;
import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.record.RecordLayer;
import io.ngisec.protocol.record.RekeyPolicy;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * PathMigrator over two SessionCores on a hand-driven clock, each with two captured paths (p1,
 * where the session starts, and p2): who answers where, when sending switches, what a failed or
 * fooled validation leaves, and what a switch starts over.
 */
class PathMigratorTest {

    private static final long MS = 1_000_000L;

    /** A path as one side sees it: the packets it sent on it, not yet delivered. */
    private static final class Path implements PacketLink {
        final List<byte[]> sent = new ArrayList<>();
        final String name;

        Path(String name) {
            this.name = name;
        }

        @Override
        public void send(ByteBuffer datagram, QosClass qosClass) {
            byte[] b = new byte[datagram.remaining()];
            datagram.get(b);
            sent.add(b);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private long now = 1_000 * MS;
    private final byte[] a2b = SimulatedSessions.secret(0x0a);
    private final byte[] b2a = SimulatedSessions.secret(0x0b);
    private final Path aliceP1 = new Path("alice p1");
    private final Path aliceP2 = new Path("alice p2");
    private final Path bobP1 = new Path("bob p1");
    private final Path bobP2 = new Path("bob p2");
    private final SessionCore aliceCore = new SessionCore(
            new RecordLayer(1, 2, a2b, b2a, RekeyPolicy.DEFAULT, () -> now), aliceP1, SessionConfig.defaults(), new SplittableRandom(1));
    private final SessionCore bobCore = new SessionCore(
            new RecordLayer(2, 1, b2a, a2b, RekeyPolicy.DEFAULT, () -> now), bobP1, SessionConfig.defaults(), new SplittableRandom(2));
    private final List<String> aliceEvents = new ArrayList<>();
    private final List<String> bobEvents = new ArrayList<>();
    private final PathMigrator alice = migrator(aliceCore, aliceEvents, 3);
    private final PathMigrator bob = migrator(bobCore, bobEvents, 4);

    private static PathMigrator migrator(SessionCore core, List<String> events, long seed) {
        return new PathMigrator(core, SessionConfig.DEFAULT_MAX_ACK_DELAY_NANOS, new SplittableRandom(seed),
                new PathMigrator.Listener() {
                    @Override
                    public void onMigrated(PacketLink from, PacketLink to) {
                        events.add("migrated " + from + " -> " + to);
                    }

                    @Override
                    public void onValidationFailed(PacketLink path) {
                        events.add("failed " + path);
                    }
                });
    }

    /** Delivers and forgets what {@code from} holds to {@code to}, as arriving on {@code arrivedOn}. */
    private void deliver(Path from, PathMigrator to, PacketLink arrivedOn) {
        List<byte[]> packets = new ArrayList<>(from.sent);
        from.sent.clear();
        for (byte[] p : packets) {
            to.onDatagram(now, ByteBuffer.wrap(p), arrivedOn);
        }
    }

    /** Polls {@code core} over 100 ms of clock, so the pacer lets everything queued go. */
    private void flush(SessionCore core) {
        for (int i = 0; i < 20; i++) {
            core.poll(now);
            now += 5 * MS;
        }
    }

    private static int readAll(SessionCore core) {
        ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
        int total = 0;
        for (int n = core.read(0, buffer); n > 0; n = core.read(0, buffer)) {
            total += n;
        }
        return total;
    }

    @Test
    void aChallengeIsFullSizeAndAnsweredOnThePathItCameBy() {
        alice.migrate(aliceP2, now);

        assertThat(aliceP1.sent).isEmpty();
        assertThat(aliceP2.sent).hasSize(1);
        assertThat(aliceP2.sent.getFirst()).hasSize(SessionConfig.DEFAULT_MAX_DATAGRAM_BYTES);
        deliver(aliceP2, bob, bobP2);

        assertThat(bobP1.sent).as("nothing answered on the old path").isEmpty();
        assertThat(bobP2.sent).as("bob's echo and bob's own challenge, both on p2").hasSize(2)
                .allSatisfy(p -> assertThat(p).hasSize(SessionConfig.DEFAULT_MAX_DATAGRAM_BYTES));
        assertThat(bob.responsesSent()).isEqualTo(1);
        assertThat(bob.challengesSent()).isEqualTo(1);
    }

    @Test
    void theMoverSwitchesOnTheEchoAndThePeerFollowsOnceItSeesTrafficThere() {
        alice.migrate(aliceP2, now);
        deliver(aliceP2, bob, bobP2);
        deliver(bobP2, alice, aliceP2);

        assertThat(alice.current()).isSameAs(aliceP2);
        assertThat(aliceEvents).containsExactly("migrated alice p1 -> alice p2");
        deliver(aliceP2, bob, bobP2); // alice's echo of bob's challenge: a probe only
        assertThat(bob.current()).as("validated, but alice has only probed p2 yet").isSameAs(bobP1);

        aliceCore.write(0, ByteBuffer.allocate(3000));
        flush(aliceCore);
        assertThat(aliceP1.sent).isEmpty();
        deliver(aliceP2, bob, bobP2);

        assertThat(bob.current()).isSameAs(bobP2);
        assertThat(bobEvents).containsExactly("migrated bob p1 -> bob p2");
        assertThat(readAll(bobCore)).isEqualTo(3000);
    }

    @Test
    void aWrongEchoOrTheRightEchoOnTheWrongPathKeepsTheOldPathUntilValidationFails() {
        long start = now;
        alice.migrate(aliceP2, now);
        aliceP2.sent.clear(); // the challenge never reaches bob
        bobCore.sendPathFrame(new PathResponseFrame(0x1234L), bobP2, now);
        deliver(bobP2, alice, aliceP2);
        assertThat(alice.current()).isSameAs(aliceP1);

        for (int i = 0; i < 10 && alice.nextTimeout().isPresent(); i++) {
            now = alice.nextTimeout().getAsLong();
            alice.poll(now);
        }

        long freshPto = new RttEstimator(SessionConfig.DEFAULT_MAX_ACK_DELAY_NANOS).probeTimeout();
        assertThat(now - start).as("RFC 9000 8.2.4: three PTOs of a path without samples").isEqualTo(3 * freshPto);
        assertThat(alice.challengesSent()).isEqualTo(PathValidator.CHALLENGES);
        assertThat(aliceP2.sent).hasSize(PathValidator.CHALLENGES - 1);
        assertThat(alice.current()).isSameAs(aliceP1);
        assertThat(aliceEvents).containsExactly("failed alice p2");
        assertThat(alice.validationFailures()).isEqualTo(1);
        assertThat(alice.nextTimeout()).isEmpty();

        // Bob echoes a real challenge, but on p1: it proves nothing about p2.
        alice.migrate(aliceP2, now);
        deliver(aliceP2, bob, bobP1);
        deliver(bobP1, alice, aliceP1);
        assertThat(alice.current()).isSameAs(aliceP1);
    }

    @Test
    void switchingSendsWhatWasInFlightAgainOnTheNewPathAndStartsRttOver() {
        // Some RTT history on p1.
        aliceCore.write(0, ByteBuffer.allocate(2000));
        aliceCore.poll(now);
        now += 40 * MS;
        deliver(aliceP1, bob, bobP1);
        bobCore.poll(now + 30 * MS);
        now += 40 * MS;
        deliver(bobP1, alice, aliceP1);
        assertThat(aliceCore.probeTimeoutNanos()).isLessThan(new RttEstimator(SessionConfig.DEFAULT_MAX_ACK_DELAY_NANOS).probeTimeout());
        assertThat(readAll(bobCore)).isEqualTo(2000);

        aliceCore.write(0, ByteBuffer.allocate(5000));
        flush(aliceCore);
        aliceP1.sent.clear(); // in flight on p1 when it dies
        alice.migrate(aliceP2, now);
        deliver(aliceP2, bob, bobP2);
        deliver(bobP2, alice, aliceP2);
        assertThat(alice.current()).isSameAs(aliceP2);
        assertThat(aliceCore.probeTimeoutNanos()).isEqualTo(new RttEstimator(SessionConfig.DEFAULT_MAX_ACK_DELAY_NANOS).probeTimeout());

        flush(aliceCore);
        deliver(aliceP2, bob, bobP2);
        assertThat(readAll(bobCore)).as("the lost 5000 bytes, sent again on p2").isEqualTo(5000);
        assertThat(aliceCore.counters().ackViolations()).isZero();
    }

    @Test
    void stragglersOnALeftPathDoNotPullTheSessionBack() {
        alice.migrate(aliceP2, now);
        deliver(aliceP2, bob, bobP2);
        deliver(bobP2, alice, aliceP2);
        assertThat(alice.current()).isSameAs(aliceP2);

        bobCore.write(0, ByteBuffer.allocate(1000));
        flush(bobCore); // bob still sends on p1
        deliver(bobP1, alice, aliceP1);

        assertThat(readAll(aliceCore)).isEqualTo(1000);
        assertThat(alice.current()).isSameAs(aliceP2);
        assertThat(alice.nextTimeout()).as("no validation of p1 started").isEmpty();
        assertThat(aliceP1.sent).isEmpty();
    }
}
