package io.ngisec.client.diag;

import io.ngisec.client.link.PeerInfo;
import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.session.stats.ClassStats;
import io.ngisec.protocol.session.stats.SessionStats;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * One session as {@code ngisec diag} shows it: the peer, when it ran and how it ended, the path
 * (candidate types and addresses: host, srflx or relay), protection, RTT, loss, volume and rates,
 * and per QoS class the DSCP and traffic. A flat value, from a live {@link SessionStats} or a row.
 */
public record SessionSummary(String sessionId, String peerUser, String peerDevice, String peerName,
        String peerFingerprint, boolean initiator, Instant startedAt, Instant updatedAt,
        Optional<Instant> endedAt, Optional<String> endReason, String localType, String localAddress,
        String remoteType, String remoteAddress, int pmtu, String cipher, Duration smoothedRtt, Duration minRtt,
        double lossRate, long bytesSent, long bytesReceived, double sendRate, double receiveRate,
        long congestionWindow, String classes, long drops) {

    /** The summary of a live session's {@code stats} at {@code now}. */
    public static SessionSummary of(String sessionId, PeerInfo peer, boolean initiator, Instant startedAt,
            Instant now, SessionStats stats) {
        long sent = 0;
        long received = 0;
        StringJoiner classes = new StringJoiner(", ");
        for (QosClass c : QosClass.values()) {
            ClassStats s = stats.forClass(c);
            sent += s.bytesSent();
            received += s.bytesReceived();
            if (s.packetsSent() > 0 || s.packetsReceived() > 0) {
                classes.add(c + " dscp " + s.dscp() + " out " + s.packetsSent() + " in " + s.packetsReceived()
                        + s.jitter().map(j -> " jitter " + j.toMillis() + "ms").orElse(""));
            }
        }
        return new SessionSummary(sessionId, peer.user(), peer.deviceId().toString(), peer.deviceName(),
                peer.fingerprint().hex(), initiator, startedAt, now, Optional.empty(), Optional.empty(),
                stats.path().localType().token(), address(stats.path().local()), stats.path().remoteType().token(),
                address(stats.path().remote()), stats.path().pmtu(), stats.security().cipherSuite(),
                stats.rtt().smoothed(), stats.rtt().min(), stats.lossRate(), sent, received, stats.sendRate(),
                stats.receiveRate(), stats.congestion().congestionWindow(), classes.toString(),
                stats.drops().inboundTotal());
    }

    /** The same summary, ended at {@code at} for {@code reason}. */
    public SessionSummary ended(Instant at, String reason) {
        return new SessionSummary(sessionId, peerUser, peerDevice, peerName, peerFingerprint, initiator, startedAt,
                at, Optional.of(at), Optional.of(reason), localType, localAddress, remoteType, remoteAddress, pmtu,
                cipher, smoothedRtt, minRtt, lossRate, bytesSent, bytesReceived, 0, 0, congestionWindow, classes,
                drops);
    }

    /** "direct" for host and server-reflexive pairs, "relayed" when either side is a TURN relay. */
    public String pathKind() {
        return localType.equals("relay") || remoteType.equals("relay") ? "relayed" : "direct";
    }

    private static String address(InetSocketAddress a) {
        return a.getAddress().getHostAddress() + ":" + a.getPort();
    }
}
