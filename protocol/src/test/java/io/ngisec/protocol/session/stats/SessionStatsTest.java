package io.ngisec.protocol.session.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.record.DropReason;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionStatsTest {

    private static final long MS = 1_000_000L;

    @Test
    void totalsAddUpTheClasses() {
        TrafficCollector t = new TrafficCollector();
        for (long pn = 0; pn < 100; pn++) {
            t.onSent(pn < 20 ? QosClass.VOICE : QosClass.BULK, pn, 1000, pn * MS);
            t.onReceived(QosClass.CONTROL, pn, 50, pn * MS);
        }
        t.onLost(3);
        t.onLost(50);
        SessionStats s = with(t.classStats(100 * MS));

        assertThat(s.packetsSent()).isEqualTo(100);
        assertThat(s.packetsReceived()).isEqualTo(100);
        assertThat(s.lossRate()).isEqualTo(0.02);
        assertThat(s.sendRate())
                .isEqualTo(s.forClass(QosClass.VOICE).sendRate() + s.forClass(QosClass.BULK).sendRate());
        assertThat(s.receiveRate()).isEqualTo(s.forClass(QosClass.CONTROL).receiveRate());
    }

    @Test
    void refusesASnapshotWithoutEveryClass() {
        Map<QosClass, ClassStats> some = new EnumMap<>(new TrafficCollector().classStats(0));
        some.remove(QosClass.INTERACTIVE);
        assertThatThrownBy(() -> with(some)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void classesAreACopy() {
        Map<QosClass, ClassStats> classes = new EnumMap<>(new TrafficCollector().classStats(0));
        SessionStats s = with(classes);
        classes.put(QosClass.BULK, new ClassStats(QosClass.BULK, 10, 9, 9, 9, 9, 9, 9, 9, 9, Optional.empty()));
        assertThat(s.forClass(QosClass.BULK).packetsSent()).isZero();
    }

    @Test
    void dropCountsFillEveryReasonAndGroupThem() {
        DropCounts d = new DropCounts(Map.of(DropReason.REPLAY, 5L, DropReason.TOO_OLD, 1L,
                DropReason.AUTH_FAILED, 2L, DropReason.POLICY, 3L), 7, 11, 13, 17, 19, 23, 29);
        assertThat(d.recordLayer()).containsOnlyKeys(DropReason.values());
        assertThat(d.recordLayer(DropReason.MALFORMED)).isZero();
        assertThat(d.replay()).isEqualTo(6);
        assertThat(d.auth()).isEqualTo(2);
        assertThat(d.policy()).isEqualTo(3);
        assertThat(d.inboundTotal()).isEqualTo(5 + 1 + 2 + 3 + 7 + 11 + 13 + 23);
    }

    @Test
    void inboundLossBeforeAnyPacketIsZero() {
        assertThat(new InboundLoss(-1, 0).lossRate()).isZero();
        assertThat(new InboundLoss(-1, 0).packetsMissing()).isZero();
        assertThat(new InboundLoss(9, 8).lossRate()).isEqualTo(0.2);
    }

    @Test
    void classLossRateBeforeAnyPacketIsZero() {
        assertThat(new TrafficCollector().classStats(0).get(QosClass.BULK).lossRate()).isZero();
    }

    @Test
    void theReportShowsEachAreaAndOnlyActiveClasses() {
        TrafficCollector t = new TrafficCollector();
        t.onSent(QosClass.BULK, 0, 1200, 0);
        String text = StatsReport.format(with(t.classStats(MS)));

        assertThat(text).contains("127.0.0.1:5000 (host) -> 127.0.0.1:5001 (host), pmtu 1200 B")
                .contains("Noise_XX_25519_AESGCM_SHA256 + AES-256-GCM")
                .contains("rtt       (no sample)")
                .contains("cwnd 12000 B")
                .contains("BULK")
                .doesNotContain("VOICE")
                .contains("drops     record {}");
        assertThat(text.lines()).hasSize(8);
    }

    private static SessionStats with(Map<QosClass, ClassStats> classes) {
        SessionStats base = StatsPublisherTest.stats(Duration.ofSeconds(1));
        return new SessionStats(base.age(), base.path(), base.security(), base.rtt(), base.congestion(), classes,
                base.inbound(), 0, 0, base.drops());
    }
}
