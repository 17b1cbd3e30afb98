package io.ngisec.protocol.session.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ngisec.protocol.qos.QosClass;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrafficCollectorTest {

    private static final long MS = 1_000_000L;

    private final TrafficCollector traffic = new TrafficCollector();

    @Test
    void countsSentPacketsAndBytesPerClassWithTheirDscp() {
        traffic.onSent(QosClass.VOICE, 0, 200, 0);
        traffic.onSent(QosClass.BULK, 1, 1200, 0);
        traffic.onSent(QosClass.BULK, 2, 1200, MS);

        Map<QosClass, ClassStats> s = traffic.classStats(2 * MS);
        assertThat(s).containsOnlyKeys(QosClass.values());
        assertThat(s.get(QosClass.VOICE).packetsSent()).isEqualTo(1);
        assertThat(s.get(QosClass.VOICE).bytesSent()).isEqualTo(200);
        assertThat(s.get(QosClass.VOICE).dscp()).isEqualTo(46);
        assertThat(s.get(QosClass.BULK).packetsSent()).isEqualTo(2);
        assertThat(s.get(QosClass.BULK).bytesSent()).isEqualTo(2400);
        assertThat(s.get(QosClass.BULK).dscp()).isEqualTo(10);
        assertThat(s.get(QosClass.CONTROL).active()).isFalse();
    }

    @Test
    void lossesAreCountedUnderTheClassTheLostPacketWasSentIn() {
        for (long pn = 0; pn < 100; pn++) {
            traffic.onSent(pn % 10 == 0 ? QosClass.VOICE : QosClass.BULK, pn, 1000, pn * MS);
        }
        traffic.onLost(10);
        traffic.onLost(20);
        traffic.onLost(21);
        traffic.onLost(22);
        traffic.onLost(23);
        traffic.onLost(24);

        Map<QosClass, ClassStats> s = traffic.classStats(100 * MS);
        assertThat(s.get(QosClass.VOICE).packetsLost()).isEqualTo(2);
        assertThat(s.get(QosClass.VOICE).lossRate()).isEqualTo(0.2);
        assertThat(s.get(QosClass.BULK).packetsLost()).isEqualTo(4);
        assertThat(s.get(QosClass.BULK).lossRate()).isCloseTo(4 / 90.0, within(1e-12));
        assertThat(traffic.unattributedLosses()).isZero();
    }

    @Test
    void aLossTooOldToAttributeIsCountedApart() {
        for (long pn = 0; pn <= SentClassLog.CAPACITY; pn++) {
            traffic.onSent(QosClass.BULK, pn, 100, pn);
        }
        traffic.onLost(0);
        assertThat(traffic.unattributedLosses()).isEqualTo(1);
        assertThat(traffic.classStats(SentClassLog.CAPACITY).get(QosClass.BULK).packetsLost()).isZero();
    }

    @Test
    void reorderingIsCountedWithinAClassNotAcrossClasses() {
        // Bulk 1, 2, 4, 3 (3 is late); voice 5 overtakes bulk 6; voice 7 is in order for voice.
        traffic.onReceived(QosClass.BULK, 1, 1200, 0);
        traffic.onReceived(QosClass.BULK, 2, 1200, 0);
        traffic.onReceived(QosClass.BULK, 4, 1200, 0);
        traffic.onReceived(QosClass.BULK, 3, 1200, 0);
        traffic.onReceived(QosClass.BULK, 6, 1200, 0);
        traffic.onReceived(QosClass.VOICE, 5, 200, 0);
        traffic.onReceived(QosClass.VOICE, 7, 200, 0);

        Map<QosClass, ClassStats> s = traffic.classStats(MS);
        assertThat(s.get(QosClass.BULK).packetsReordered()).isEqualTo(1);
        assertThat(s.get(QosClass.VOICE).packetsReordered()).isZero();
        assertThat(s.get(QosClass.BULK).packetsReceived()).isEqualTo(5);
        assertThat(s.get(QosClass.BULK).bytesReceived()).isEqualTo(6000);
    }

    @Test
    void inboundLossComesFromGapsInThePacketNumbers() {
        assertThat(traffic.inbound().highestPacketNumber()).isEqualTo(-1);
        assertThat(traffic.inbound().packetsMissing()).isZero();
        for (long pn = 0; pn < 1000; pn++) {
            if (pn % 20 != 7) { // every 20th missing
                traffic.onReceived(pn % 2 == 0 ? QosClass.BULK : QosClass.CONTROL, pn, 100, pn);
            }
        }
        InboundLoss in = traffic.inbound();
        assertThat(in.highestPacketNumber()).isEqualTo(999);
        assertThat(in.packetsReceived()).isEqualTo(950);
        assertThat(in.packetsMissing()).isEqualTo(50);
        assertThat(in.lossRate()).isEqualTo(0.05);
    }

    @Test
    void ratesEachWayPerClass() {
        for (int i = 0; i < 2_000; i++) { // 2 s: bulk 1.2 MB/s out, voice 10 kB/s in
            traffic.onSent(QosClass.BULK, i, 1200, i * MS);
            if (i % 20 == 0) {
                traffic.onReceived(QosClass.VOICE, i, 200, i * MS);
            }
        }
        Map<QosClass, ClassStats> s = traffic.classStats(2_000 * MS);
        assertThat(s.get(QosClass.BULK).sendRate()).isCloseTo(1.2e6, within(0.02e6));
        assertThat(s.get(QosClass.BULK).receiveRate()).isZero();
        assertThat(s.get(QosClass.VOICE).receiveRate()).isCloseTo(10_000, within(300.0));
        assertThat(s.get(QosClass.VOICE).sendRate()).isZero();
    }

    @Test
    void jitterOnlyForTheVoiceClassOnceEstimated() {
        for (int i = 0; i < 50; i++) {
            traffic.onReceived(QosClass.VOICE, 2L * i, 200, i * 20 * MS + (i % 2) * 2 * MS);
            traffic.onReceived(QosClass.BULK, 2L * i + 1, 1200, i * 20 * MS);
        }
        Map<QosClass, ClassStats> s = traffic.classStats(1_000 * MS);
        assertThat(s.get(QosClass.VOICE).jitter()).hasValueSatisfying(j -> assertThat(j.toNanos()).isPositive());
        assertThat(s.get(QosClass.BULK).jitter()).isEmpty();
    }
}
