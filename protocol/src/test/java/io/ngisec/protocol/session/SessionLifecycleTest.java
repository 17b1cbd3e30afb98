package io.ngisec.protocol.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ngisec.protocol.congestion.BbrController;
import io.ngisec.protocol.congestion.CongestionController;
import io.ngisec.protocol.congestion.RateSample;
import io.ngisec.protocol.congestion.SentPacket;
import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.record.DropReason;
import io.ngisec.protocol.record.Limits;
import io.ngisec.protocol.record.PacketType;
import io.ngisec.protocol.record.RecordException;
import io.ngisec.protocol.record.RecordHeader;
import io.ngisec.protocol.record.RecordLayer;
import io.ngisec.protocol.record.RekeyPolicy;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * CLOSE, draining and PMTU probes of two {@link SessionCore}s on a hand-driven clock, with every
 * packet captured: what goes on the wire, what the peer makes of it, and what congestion control
 * is told.
 */
class SessionLifecycleTest {

    private static final long MS = 1_000_000L;

    private long now = 1_000 * MS;
    private final byte[] a2b = SimulatedSessions.secret(0x0a);
    private final byte[] b2a = SimulatedSessions.secret(0x0b);
    private final RecordLayer aliceRecord = new RecordLayer(1, 2, a2b, b2a, RekeyPolicy.DEFAULT, () -> now);
    private final RecordLayer bobRecord = new RecordLayer(2, 1, b2a, a2b, RekeyPolicy.DEFAULT, () -> now);
    private final List<byte[]> toBob = new ArrayList<>();
    private final List<byte[]> toAlice = new ArrayList<>();
    private final SessionCore alice = new SessionCore(aliceRecord, capture(toBob), SessionConfig.defaults(), new SplittableRandom(1));
    private final SessionCore bob = new SessionCore(bobRecord, capture(toAlice), SessionConfig.defaults(), new SplittableRandom(2));

    private static PacketLink capture(List<byte[]> into) {
        return (d, qosClass) -> {
            byte[] b = new byte[d.remaining()];
            d.get(b);
            into.add(b);
        };
    }

    private static void deliver(List<byte[]> packets, SessionCore to, long now) {
        for (byte[] p : List.copyOf(packets)) {
            to.onDatagram(now, ByteBuffer.wrap(p));
        }
        packets.clear();
    }

    private static RecordHeader header(byte[] packet) throws RecordException {
        return RecordHeader.parse(ByteBuffer.wrap(packet));
    }

    @Test
    void aCloseReachesThePeerWithItsCodeAndReasonAndEndsBothSides() throws Exception {
        alice.close(now, CloseReason.application(42, "user hung up"));
        assertThat(toBob).hasSize(1);
        RecordHeader h = header(toBob.getFirst());
        assertThat(h.type()).isEqualTo(PacketType.CLOSE);
        assertThat(h.qosClass()).isEqualTo(QosClass.CONTROL);
        assertThat(alice.end()).hasValue(new SessionEnd(SessionFailure.Reason.CLOSED, CloseReason.application(42, "user hung up")));
        assertThat(alice.isTerminated()).as("draining").isFalse();
        assertThat(aliceRecord.sealer().isClosed()).as("sending keys erased at once").isTrue();

        deliver(toBob, bob, now + MS);
        assertThat(bob.end()).hasValueSatisfying(e -> {
            assertThat(e.byPeer()).isTrue();
            assertThat(e.close()).isEqualTo(CloseReason.application(42, "user hung up"));
        });
        assertThat(bob.isTerminated()).isTrue();
        assertThat(bobRecord.opener().isClosed()).isTrue();
        assertThat(bobRecord.sealer().isClosed()).isTrue();
        bob.poll(now + 10 * MS);
        assertThat(toAlice).as("the peer answers nothing").isEmpty();
        assertThat(bob.nextTimeout(now)).isEmpty();
    }

    @Test
    void closingTwiceOrAfterThePeerClosedSendsNothingMore() {
        alice.close(now, CloseReason.noError());
        alice.close(now, CloseReason.application(1, "again"));
        assertThat(toBob).hasSize(1);
        deliver(toBob, bob, now);
        bob.close(now, CloseReason.noError());
        assertThat(toAlice).isEmpty();
        assertThat(bob.end()).map(SessionEnd::reason).hasValue(SessionFailure.Reason.PEER_CLOSED);
        assertThatThrownBy(() -> alice.close(now, CloseReason.IDLE_TIMEOUT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCloserRepeatsItsCloseWhenThePeersPacketsKeepComingThenStopsAfterTheDrain() {
        bob.write(0, ByteBuffer.wrap(new byte[20_000]));
        for (int i = 0; i < 100 && toAlice.size() < 12; i++) {
            bob.poll(now - 100 * MS + i * MS); // paced: a few packets a millisecond
        }
        List<byte[]> bobsPackets = new ArrayList<>(toAlice);
        toAlice.clear();
        alice.close(now, CloseReason.noError());
        long deadline = alice.nextTimeout(now).orElseThrow();
        assertThat(deadline).isGreaterThan(now);
        toBob.clear(); // the first CLOSE is lost

        int n = bobsPackets.size();
        assertThat(n).isGreaterThan(8);
        deliver(bobsPackets, alice, now + MS);
        // Answers to the 1st, 2nd, 4th, 8th ... of bob's packets: exponentially fewer.
        assertThat(toBob).hasSize(32 - Integer.numberOfLeadingZeros(n));
        assertThat(toBob).allSatisfy(p -> assertThat(header(p).type()).isEqualTo(PacketType.CLOSE));
        assertThat(toBob).allSatisfy(p -> assertThat(p).isEqualTo(toBob.getFirst()));
        assertThat(alice.counters().closesSent()).isEqualTo(1 + toBob.size());
        bob.onDatagram(now + 2 * MS, ByteBuffer.wrap(toBob.getFirst()));
        toBob.clear();
        assertThat(bob.end()).map(SessionEnd::reason).hasValue(SessionFailure.Reason.PEER_CLOSED);

        alice.poll(deadline - 1);
        assertThat(alice.isTerminated()).isFalse();
        alice.poll(deadline);
        assertThat(alice.isTerminated()).isTrue();
        assertThat(aliceRecord.opener().isClosed()).isTrue();
        assertThat(alice.nextTimeout(deadline)).isEmpty();
    }

    @Test
    void theDrainEndsEarlyWhenThePeerClosesToo() {
        alice.close(now, CloseReason.noError());
        bob.close(now, CloseReason.noError());
        deliver(toAlice, alice, now + MS);
        assertThat(alice.isTerminated()).isTrue();
        assertThat(alice.end()).map(SessionEnd::reason).hasValue(SessionFailure.Reason.CLOSED);
    }

    @Test
    void aForgedOrCorruptedCloseIsDroppedAndCountedAndEndsNothing() {
        alice.close(now, CloseReason.noError());
        byte[] close = toBob.getFirst();
        byte[] corrupted = close.clone();
        corrupted[corrupted.length - 1] ^= 1;
        bob.onDatagram(now, ByteBuffer.wrap(corrupted));
        byte[] forged = new byte[close.length];
        System.arraycopy(close, 0, forged, 0, RecordHeader.LENGTH); // a genuine CLOSE header over other bytes
        for (int i = RecordHeader.LENGTH; i < forged.length; i++) {
            forged[i] = (byte) (i * 31);
        }
        bob.onDatagram(now, ByteBuffer.wrap(forged));
        assertThat(bob.end()).isEmpty();
        assertThat(bobRecord.stats().receive().drops().get(DropReason.AUTH_FAILED)).isEqualTo(2);
        bob.onDatagram(now, ByteBuffer.wrap(close));
        assertThat(bob.end()).isPresent();
    }

    @Test
    void anAuthenticCloseWhosePayloadIsUnreadableStillEndsTheSession() throws Exception {
        ByteBuffer out = ByteBuffer.allocate(64);
        aliceRecord.sealer().sealClose(ByteBuffer.wrap(new byte[] {0x3f, 0x00}), out);
        bob.onDatagram(now, out.flip());
        assertThat(bob.end()).hasValueSatisfying(e -> {
            assertThat(e.byPeer()).isTrue();
            assertThat(e.close().code()).isEqualTo(CloseCode.PROTOCOL_VIOLATION);
        });
        assertThat(bob.counters().malformedPackets()).isEqualTo(1);
    }

    @Test
    void garbageDoesNotRefreshTheIdleTimerButThePeersPacketsDo() {
        SessionConfig config = SessionConfig.defaults();
        long idle = config.lifecycle().idleTimeoutNanos();
        long start = now;
        bob.poll(now);
        byte[] garbage = new byte[200];
        new SplittableRandom(9).nextBytes(garbage);
        garbage[0] = 0x14; // version 1, DATA: looks like a record at first glance
        while (bob.end().isEmpty() && now < start + 2 * idle) {
            now += 1_000 * MS;
            bob.onDatagram(now, ByteBuffer.wrap(garbage.clone()));
            bob.poll(now);
        }
        assertThat(bob.end()).map(SessionEnd::reason).hasValue(SessionFailure.Reason.IDLE_TIMEOUT);
        assertThat(now - start).isEqualTo(idle);
        assertThat(bob.counters().closesSent()).isZero();

        // Alice, by contrast, hears bob's keepalives and stays.
        alice.poll(start);
        assertThat(toAlice).isNotEmpty();
        deliver(toAlice, alice, now - 1);
        alice.poll(now);
        assertThat(alice.end()).isEmpty();
    }

    @Test
    void thePeersReasonIsKeptButNeverBreaksALogLine() {
        SessionFailure f = new SessionFailure(new SessionEnd(SessionFailure.Reason.PEER_CLOSED,
                CloseReason.application(3, "line\nbreak\u001b[31m")));
        assertThat(f.getMessage()).doesNotContain("\n").doesNotContain("\u001b").contains("line?break?[31m");
        assertThat(f.closeReason()).map(CloseReason::reason).hasValue("line\nbreak\u001b[31m");
        assertThat(f.getMessage()).startsWith("PEER_CLOSED: APPLICATION 3");
    }

    @Test
    void anEndedSessionSendsNoDataAndOnlyItsCloseOnTheWire() {
        alice.write(0, ByteBuffer.wrap(new byte[10_000]));
        alice.sendDatagram(1, new byte[100]);
        alice.close(now, CloseReason.noError());
        assertThat(alice.poll(now + MS)).isZero();
        assertThat(toBob).hasSize(1);
    }

    /** Alice's packets cross a path that drops datagrams above 1300 bytes. */
    @Test
    void lostPmtuProbesAreNotReportedToCongestionControlAndTheSearchSettlesBelowThePath() throws Exception {
        List<SentPacket> reportedLost = new ArrayList<>();
        CongestionController bbr = new BbrController(SessionConfig.DEFAULT_MAX_DATAGRAM_BYTES, new SplittableRandom(1));
        CongestionController watched = new CongestionController() {
            @Override
            public void onPacketSent(long nowNanos, int bytes, long bytesInFlight) {
                bbr.onPacketSent(nowNanos, bytes, bytesInFlight);
            }

            @Override
            public void onAcked(long nowNanos, List<SentPacket> acked, RateSample sample, long bytesInFlight) {
                bbr.onAcked(nowNanos, acked, sample, bytesInFlight);
            }

            @Override
            public void onLost(long nowNanos, List<SentPacket> lost, long bytesInFlight) {
                reportedLost.addAll(lost);
                bbr.onLost(nowNanos, lost, bytesInFlight);
            }

            @Override
            public double pacingRate() {
                return bbr.pacingRate();
            }

            @Override
            public long congestionWindow() {
                return bbr.congestionWindow();
            }
        };
        List<byte[]> wire = new ArrayList<>();
        SessionCore sender = new SessionCore(aliceRecord, capture(wire), SessionConfig.defaults(), watched);
        sender.write(0, ByteBuffer.wrap(new byte[3000]));
        ByteBuffer got = ByteBuffer.allocate(4000);
        int biggest = 0;
        for (int step = 0; step < 2000 && sender.counters().pmtuProbesSent() < 12; step++) {
            now += 5 * MS;
            sender.poll(now);
            for (byte[] p : wire) {
                biggest = Math.max(biggest, p.length);
                if (p.length <= 1300) {
                    bob.onDatagram(now, ByteBuffer.wrap(p));
                }
            }
            wire.clear();
            bob.read(0, got);
            bob.poll(now);
            deliver(toAlice, sender, now);
            now = Math.max(now, Math.min(sender.nextTimeout(now).orElseThrow(), now + 100 * MS));
        }
        assertThat(biggest).as("probes went out at the ceiling").isEqualTo(LifecycleConfig.DEFAULT_MAX_PMTU_BYTES);
        assertThat(sender.counters().pmtuProbesLost()).isGreaterThanOrEqualTo(2L * LifecycleConstants.MAX_PROBES);
        assertThat(reportedLost).as("no probe is congestion").allSatisfy(p -> assertThat(p.bytes()).isLessThanOrEqualTo(1300));
        assertThat(sender.pmtu()).isBetween(1293, 1300);
        assertThat(got.position()).isEqualTo(3000);
    }

    @Test
    void aProbeIsPingAndPaddingOfExactlyItsSizeInAControlPacket() throws Exception {
        alice.write(0, ByteBuffer.wrap(new byte[100]));
        alice.poll(now);
        deliver(toBob, bob, now);
        bob.poll(now + 25 * MS);
        deliver(toAlice, alice, now + 25 * MS);
        toBob.clear();
        alice.poll(now + 25 * MS);
        assertThat(toBob).hasSize(1);
        byte[] probe = toBob.getFirst();
        assertThat(probe).hasSize(LifecycleConfig.DEFAULT_MAX_PMTU_BYTES);
        assertThat(header(probe).qosClass()).isEqualTo(QosClass.CONTROL);
        ByteBuffer plain = ByteBuffer.allocate(probe.length);
        bobRecord.open(ByteBuffer.wrap(probe), plain);
        plain.flip();
        assertThat(io.ngisec.protocol.channel.frame.FrameCodec.decodeAll(plain)).containsExactly(
                new io.ngisec.protocol.channel.frame.PingFrame(),
                new io.ngisec.protocol.channel.frame.PaddingFrame(probe.length - Limits.OVERHEAD_BYTES - 1));
        assertThat(alice.counters().pmtuProbesSent()).isEqualTo(1);
    }
}
