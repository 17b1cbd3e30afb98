package io.ngisec.protocol.session.stats;

import io.ngisec.protocol.record.DropReason;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * A {@link SessionStats} as plain text for people (CLI, logs, test output): one line per area,
 * a row per QoS class that carried traffic. Not a format for machines: read the records instead.
 * Stateless.
 */
public final class StatsReport {

    private StatsReport() {
    }

    /** Several lines, without a trailing newline. */
    public static String format(SessionStats s) {
        StringBuilder b = new StringBuilder();
        PathInfo p = s.path();
        line(b, "path      %s (%s) -> %s (%s), pmtu %d B, up %s", address(p.local()), p.localType().token(),
                address(p.remote()), p.remoteType().token(), p.pmtu(), seconds(s.age()));
        SecurityStats k = s.security();
        line(b, "security  %s, handshake %s; send key phase %d (%d rekeys, %s old),"
                        + " receive phase %d (%d rekeys, %s old)",
                k.cipherSuite(), ms(k.handshakeTime()), k.sendKeyPhase(), k.sendRekeys(), seconds(k.sendKeyAge()),
                k.receiveKeyPhase(), k.receiveRekeys(), seconds(k.receiveKeyAge()));
        RttStats r = s.rtt();
        line(b, "rtt       %ssmoothed %s, min %s, latest %s, rttvar %s", r.sampled() ? "" : "(no sample) ",
                ms(r.smoothed()), ms(r.min()), ms(r.latest()), ms(r.rttvar()));
        CongestionStats c = s.congestion();
        line(b, "sender    cwnd %d B, in flight %d B, pacing %.2f MB/s", c.congestionWindow(), c.bytesInFlight(),
                c.pacingRate() / 1e6);
        line(b, "class        dscp  sent pkts   lost  loss%%  recv pkts  reord  send MB/s  recv MB/s  jitter");
        for (ClassStats q : s.classes().values()) {
            if (q.active()) {
                line(b, "%-12s %4d %10d %6d %6.2f %10d %6d %10.2f %10.2f  %s", q.qosClass(), q.dscp(),
                        q.packetsSent(), q.packetsLost(), 100 * q.lossRate(), q.packetsReceived(),
                        q.packetsReordered(), q.sendRate() / 1e6, q.receiveRate() / 1e6,
                        q.jitter().map(StatsReport::ms).orElse("-"));
            }
        }
        InboundLoss in = s.inbound();
        line(b, "inbound   highest packet %d, missing %d (%.2f%%); datagrams sent %d, received %d",
                in.highestPacketNumber(), in.packetsMissing(), 100 * in.lossRate(), s.datagramsSent(),
                s.datagramsReceived());
        DropCounts d = s.drops();
        StringJoiner record = new StringJoiner(" ", "{", "}");
        for (DropReason reason : DropReason.values()) {
            if (d.recordLayer(reason) > 0) {
                record.add(reason + "=" + d.recordLayer(reason));
            }
        }
        b.append(String.format(Locale.ROOT, "drops     record %s, malformed %d, ack violations %d, stream errors %d,"
                        + " datagram queue %d, seal failures %d, inbox overflow %d, path send failures %d",
                record, d.malformedFrames(), d.ackViolations(), d.streamErrors(), d.datagramQueueDrops(),
                d.sealFailures(), d.inboxOverflow(), d.pathSendFailures()));
        return b.toString();
    }

    private static void line(StringBuilder b, String format, Object... args) {
        b.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    private static String address(InetSocketAddress a) {
        if (a.isUnresolved()) {
            return a.getHostString() + ":" + a.getPort();
        }
        String host = a.getAddress().getHostAddress();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + a.getPort();
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toNanos() / 1e9);
    }

    private static String ms(Duration d) {
        return String.format(Locale.ROOT, "%.2f ms", d.toNanos() / 1e6);
    }
}
