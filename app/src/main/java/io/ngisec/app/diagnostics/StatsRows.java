package io.ngisec.app.diagnostics;

import io.ngisec.app.call.PathBadge;

import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.record.DropReason;
import io.ngisec.protocol.session.stats.ClassStats;
import io.ngisec.protocol.session.stats.CongestionStats;
import io.ngisec.protocol.session.stats.DropCounts;
import io.ngisec.protocol.session.stats.PathInfo;
import io.ngisec.protocol.session.stats.RttStats;
import io.ngisec.protocol.session.stats.SecurityStats;
import io.ngisec.protocol.session.stats.SessionStats;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * A {@link SessionStats} as the rows of the statistics table, area by area (path, RTT, loss,
 * throughput, congestion, each QoS class that carried traffic, security, drops), with the
 * figures {@code ngisec diag} shows. Stateless.
 */
public final class StatsRows {

    static final String PATH = "Path";
    static final String RTT = "RTT";
    static final String LOSS = "Loss";
    static final String THROUGHPUT = "Throughput";
    static final String CONGESTION = "Congestion";
    static final String CLASSES = "QoS classes";
    static final String SECURITY = "Security";
    static final String DROPS = "Drops";

    private StatsRows() {
    }

    /** The rows of {@code s}. */
    public static List<StatRow> of(SessionStats s) {
        List<StatRow> rows = new ArrayList<>();
        PathInfo p = s.path();
        rows.add(new StatRow(PATH, "Route", pathKind(p)));
        rows.add(new StatRow(PATH, "Selected pair", p.localType().token() + " " + Units.address(p.local()) + " \u2192 "
                + p.remoteType().token() + " " + Units.address(p.remote())));
        rows.add(new StatRow(PATH, "Local candidate", p.localType().token()));
        rows.add(new StatRow(PATH, "Remote candidate", p.remoteType().token()));
        rows.add(new StatRow(PATH, "Path MTU", p.pmtu() + " B"));
        rows.add(new StatRow(PATH, "Session age", Units.seconds(s.age())));

        RttStats r = s.rtt();
        rows.add(new StatRow(RTT, "Smoothed", r.sampled() ? Units.ms(r.smoothed()) : "not measured yet"));
        rows.add(new StatRow(RTT, "Minimum", r.sampled() ? Units.ms(r.min()) : "-"));
        rows.add(new StatRow(RTT, "Latest", r.sampled() ? Units.ms(r.latest()) : "-"));
        rows.add(new StatRow(RTT, "Variation", r.sampled() ? Units.ms(r.rttvar()) : "-"));
        rows.add(new StatRow(RTT, "Jitter (voice)", s.forClass(QosClass.VOICE).jitter().map(Units::ms).orElse("-")));

        long lost = s.classes().values().stream().mapToLong(ClassStats::packetsLost).sum();
        rows.add(new StatRow(LOSS, "Outbound", Units.percent(s.lossRate()) + " (" + lost + " of " + s.packetsSent()
                + " packets declared lost)"));
        rows.add(new StatRow(LOSS, "Inbound", Units.percent(s.inbound().lossRate()) + " (" + s.inbound().packetsMissing()
                + " packets missing)"));

        long sent = s.classes().values().stream().mapToLong(ClassStats::bytesSent).sum();
        long received = s.classes().values().stream().mapToLong(ClassStats::bytesReceived).sum();
        rows.add(new StatRow(THROUGHPUT, "Sending", Units.rate(s.sendRate())));
        rows.add(new StatRow(THROUGHPUT, "Receiving", Units.rate(s.receiveRate())));
        rows.add(new StatRow(THROUGHPUT, "Sent", Units.bytes(sent) + " in " + s.packetsSent() + " packets"));
        rows.add(new StatRow(THROUGHPUT, "Received", Units.bytes(received) + " in " + s.packetsReceived() + " packets"));

        CongestionStats c = s.congestion();
        rows.add(new StatRow(CONGESTION, "Congestion window", Units.bytes(c.congestionWindow())));
        rows.add(new StatRow(CONGESTION, "In flight", Units.bytes(c.bytesInFlight())));
        rows.add(new StatRow(CONGESTION, "Pacing rate", Units.rate(c.pacingRate())));

        for (ClassStats q : s.classes().values()) {
            if (q.active()) {
                rows.add(new StatRow(CLASSES, q.qosClass() + " (DSCP " + q.dscp() + ")", classLine(q)));
            }
        }

        SecurityStats k = s.security();
        rows.add(new StatRow(SECURITY, "Cipher", k.cipherSuite()));
        rows.add(new StatRow(SECURITY, "Handshake", Units.ms(k.handshakeTime())
                + (k.finishRepeats() > 0 ? ", " + k.finishRepeats() + " FINISH repeats" : "")));
        rows.add(new StatRow(SECURITY, "Send key", "phase " + k.sendKeyPhase() + ", " + Units.seconds(k.sendKeyAge()) + " old"));
        rows.add(new StatRow(SECURITY, "Receive key", "phase " + k.receiveKeyPhase() + ", " + Units.seconds(k.receiveKeyAge()) + " old"));

        rows.add(new StatRow(DROPS, "By reason", drops(s.drops())));
        return rows;
    }

    /** "direct (host)", "direct (NAT)" or "relayed", as the call screen's badge says. */
    static String pathKind(PathInfo p) {
        return switch (PathBadge.of(p.localType(), p.remoteType())) {
            case RELAYED -> "relayed";
            case DIRECT_HOST -> "direct (host)";
            default -> "direct (NAT)";
        };
    }

    private static String classLine(ClassStats q) {
        return "out " + q.packetsSent() + " pkts / " + Units.bytes(q.bytesSent()) + " (" + Units.rate(q.sendRate())
                + "), in " + q.packetsReceived() + " pkts / " + Units.bytes(q.bytesReceived()) + " ("
                + Units.rate(q.receiveRate()) + "), lost " + q.packetsLost()
                + q.jitter().map(j -> ", jitter " + Units.ms(j)).orElse("");
    }

    /** The non-zero drop counters, "none" when all are zero. */
    static String drops(DropCounts d) {
        StringJoiner j = new StringJoiner(", ");
        for (DropReason reason : DropReason.values()) {
            if (d.recordLayer(reason) > 0) {
                j.add(reason.name().toLowerCase(java.util.Locale.ROOT) + " " + d.recordLayer(reason));
            }
        }
        add(j, "malformed frames", d.malformedFrames());
        add(j, "ACK violations", d.ackViolations());
        add(j, "stream errors", d.streamErrors());
        add(j, "datagram queue full", d.datagramQueueDrops());
        add(j, "seal failures", d.sealFailures());
        add(j, "inbox overflow", d.inboxOverflow());
        add(j, "path send failures", d.pathSendFailures());
        return j.length() == 0 ? "none" : j.toString();
    }

    private static void add(StringJoiner j, String name, long n) {
        if (n > 0) {
            j.add(name + " " + n);
        }
    }
}
