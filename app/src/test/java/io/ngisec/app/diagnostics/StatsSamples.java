package io.ngisec.app.diagnostics;

import io.ngisec.client.link.PeerInfo;
import io.ngisec.protocol.identity.DeviceId;
import io.ngisec.protocol.identity.Fingerprint;
import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.record.DropReason;
import io.ngisec.protocol.session.stats.ClassStats;
import io.ngisec.protocol.session.stats.CongestionStats;
import io.ngisec.protocol.session.stats.DropCounts;
import io.ngisec.protocol.session.stats.InboundLoss;
import io.ngisec.protocol.session.stats.PathInfo;
import io.ngisec.protocol.session.stats.RttStats;
import io.ngisec.protocol.session.stats.SecurityStats;
import io.ngisec.protocol.session.stats.SessionStats;
import io.ngisec.protocol.transport.CandidateType;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** Session statistics for ViewModel tests: a host-to-host loopback session with voice and bulk traffic. */
final class StatsSamples {

    static final PeerInfo BOB = new PeerInfo("bob", DeviceId.random(), "bob-pc", Fingerprint.of(new byte[] {9, 8, 7}));

    private StatsSamples() {
    }

    /**
     * A session {@code ageSeconds} old with {@code rttMillis} smoothed RTT; {@code sent} voice
     * packets of which {@code lost} were declared lost; inbound numbers up to {@code highest}
     * with {@code missing} missing; {@code sendRate} bytes/s out.
     */
    static SessionStats stats(int ageSeconds, double rttMillis, long sent, long lost, long highest, long missing,
            double sendRate, CandidateType remote) {
        Map<QosClass, ClassStats> classes = new EnumMap<>(QosClass.class);
        for (QosClass c : QosClass.values()) {
            classes.put(c, new ClassStats(c, c.dscp(), 0, 0, 0, 0, 0, 0, 0, 0, Optional.empty()));
        }
        classes.put(QosClass.VOICE, new ClassStats(QosClass.VOICE, 46, sent, sent * 100, lost, highest + 1 - missing,
                (highest + 1 - missing) * 100, 0, sendRate, 2000, Optional.of(Duration.ofMillis(3))));
        Duration rtt = Duration.ofNanos((long) (rttMillis * 1e6));
        return new SessionStats(Duration.ofSeconds(ageSeconds),
                new PathInfo(new InetSocketAddress("127.0.0.1", 40001), new InetSocketAddress("127.0.0.1", 40002),
                        CandidateType.HOST, remote, 1400),
                new SecurityStats("Noise_XX_25519_AESGCM_SHA256", "AES-256-GCM", Duration.ofMillis(12), 0, 0, 0,
                        Duration.ofSeconds(ageSeconds), 0, 0, Duration.ofSeconds(ageSeconds)),
                new RttStats(true, rtt, rtt, rtt, rtt.dividedBy(4)),
                new CongestionStats(64_000, 1200, 1_250_000),
                classes, new InboundLoss(highest, highest + 1 - missing), sent, highest + 1 - missing,
                new DropCounts(Map.of(DropReason.REPLAY, 2L), 0, 0, 0, 0, 0, 0, 0));
    }

    static LiveSession session(String id, SessionStats stats) {
        return new LiveSession(id, BOB, true, stats);
    }
}
