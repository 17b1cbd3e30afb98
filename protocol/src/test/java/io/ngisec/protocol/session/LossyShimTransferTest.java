package io.ngisec.protocol.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.session.stats.ClassStats;
import io.ngisec.protocol.session.stats.SessionStats;
import io.ngisec.protocol.session.stats.StatsReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 4's lossy-shim acceptance over real UDP: both peers' ICE loopback paths go through a
 * {@link LossyPath} that drops 5% of datagrams, sends 2% twice and holds 3% back 1 to 5 ms (so
 * later ones overtake them), each way, from before the handshake on. A 64 MiB seeded stream must
 * arrive bit-exact while voice flows, and the statistics must show what the shim did: the loss,
 * the duplicates (dropped by the record layer as replays) and the reordering. Goodput is printed,
 * not asserted.
 */
class LossyShimTransferTest {

    private static final long TOTAL = 64L << 20;
    private static final long MS = 1_000_000L;
    private static final LossyPath.Profile SHIM = new LossyPath.Profile(0.05, 0.02, 0.03, MS, 5 * MS);

    @Test
    void sixtyFourMebibytesArriveExactThroughLossDuplicationAndReordering() throws Exception {
        List<LossyPath> shims = new ArrayList<>();
        SessionConfig config = SessionConfig.defaults().withBuffers(4 << 20, 8 << 20);
        try (IceLoopbackSessions s = IceLoopbackSessions.open(config, p -> {
            LossyPath shim = new LossyPath(p, SHIM, 100 + shims.size());
            shims.add(shim);
            return shim;
        })) {
            LossyPath toBob = shims.get(0);
            LossyPath toAlice = shims.get(1);
            try {
                SeededTransfer.Outcome o = SeededTransfer.run(TOTAL, s.alice, s.bob);
                assertThat(o.received()).isEqualTo(TOTAL);
                assertThat(o.receivedDigest()).isEqualTo(o.sentDigest());
                assertThat(s.alice.awaitSendDone(0, Duration.ofSeconds(30))).isTrue();
                assertThat(o.voiceReceived()).as("voice frames delivered of %d", o.voiceSent())
                        .isGreaterThanOrEqualTo((long) (o.voiceSent() * 0.85));
                assertThat(o.voiceOutOfRange()).isZero();

                SessionStats alice = s.alice.stats();
                SessionStats bob = s.bob.stats();
                System.out.printf("through the lossy shim (5%% loss, 2%% duplicated, 3%% held 1-5 ms, each way): %s%n"
                                + "  shim alice->bob: all %s%n                   DATA %s%n"
                                + "  shim bob->alice: all %s%n                   DATA %s%n"
                                + "alice (sender):%n%s%nbob (receiver):%n%s%n",
                        o.summary(), toBob.all, toBob.data, toAlice.all, toAlice.data,
                        StatsReport.format(alice), StatsReport.format(bob));
                checkStats(alice, bob, toBob);
            } finally {
                shims.forEach(LossyPath::close);
            }
        }
    }

    private static void checkStats(SessionStats alice, SessionStats bob, LossyPath toBob) {
        long shimDrops = toBob.data.dropped.get();
        long shimDuplicates = toBob.data.duplicated.get();
        assertThat(shimDrops).isPositive();

        // Loss, as the sender declares it: every packet the shim dropped (bar a few at the very end),
        // what the loopback socket dropped, and packets held back past the loss thresholds (on a
        // path with a millisecond RTT, most of the 3% held 1-5 ms): at least the shim's rate.
        ClassStats bulk = alice.forClass(QosClass.BULK);
        long declared = alice.classes().values().stream().mapToLong(ClassStats::packetsLost).sum();
        assertThat(declared).isGreaterThanOrEqualTo(shimDrops - 5);
        assertThat(bulk.lossRate()).isBetween(0.04, 0.30);

        // Loss, as the receiver sees it in the packet numbers: what the shim dropped, plus what the
        // loopback socket or the session's inbox dropped on the way in (more on a busy machine).
        assertThat(bob.inbound().packetsMissing()).isGreaterThanOrEqualTo(shimDrops - 5);
        assertThat(bob.inbound().lossRate()).isBetween(0.04, 0.25);

        // Duplicates: one copy of each is a REPLAY at the record layer, unless a copy never arrived
        // (a loaded machine's socket buffer drops some of the back-to-back copies).
        assertThat(bob.drops().replay()).isBetween((long) (0.5 * shimDuplicates), shimDuplicates);
        assertThat(bob.drops().auth()).isZero();
        assertThat(bob.drops().malformedFrames()).isZero();
        assertThat(bob.drops().streamErrors()).isZero();
        assertThat(alice.drops().ackViolations()).isZero();

        // Reordering: held-back packets arrive behind later ones of their class.
        assertThat(bob.forClass(QosClass.BULK).packetsReordered()).isPositive();
        assertThat(bob.forClass(QosClass.VOICE).jitter()).isPresent();
    }
}
