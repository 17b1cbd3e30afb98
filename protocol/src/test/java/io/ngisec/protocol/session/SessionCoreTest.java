package io.ngisec.protocol.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngisec.protocol.channel.frame.AckFrame;
import io.ngisec.protocol.channel.frame.DatagramFrame;
import io.ngisec.protocol.channel.frame.FrameCodec;
import io.ngisec.protocol.channel.frame.StreamFrame;
import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.qos.QosPolicy;
import io.ngisec.protocol.qos.Service;
import io.ngisec.protocol.record.Limits;
import io.ngisec.protocol.record.RecordException;
import io.ngisec.protocol.record.RecordHeader;
import io.ngisec.protocol.record.RecordLayer;
import io.ngisec.protocol.record.RekeyPolicy;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** SessionCore on a hand-driven clock, with the packets it sends captured and inspected. */
class SessionCoreTest {

    private static final long MS = 1_000_000L;

    private long now = 1_000 * MS;
    private final byte[] a2b = SimulatedSessions.secret(0x0a);
    private final byte[] b2a = SimulatedSessions.secret(0x0b);
    private final RecordLayer aliceRecord = new RecordLayer(1, 2, a2b, b2a, RekeyPolicy.DEFAULT, () -> now);
    private final RecordLayer bobRecord = new RecordLayer(2, 1, b2a, a2b, RekeyPolicy.DEFAULT, () -> now);
    private final List<byte[]> toBob = new ArrayList<>();
    private final List<byte[]> toAlice = new ArrayList<>();
    /** The class the core handed the link with each packet, in sending order; never cleared. */
    private final List<QosClass> classesToBob = new ArrayList<>();
    private final List<QosClass> classesToAlice = new ArrayList<>();
    private final SessionCore alice = new SessionCore(aliceRecord, capture(toBob, classesToBob), SessionConfig.defaults(), new SplittableRandom(1));
    private final SessionCore bob = new SessionCore(bobRecord, capture(toAlice, classesToAlice), SessionConfig.defaults(), new SplittableRandom(2));

    private static PacketLink capture(List<byte[]> into, List<QosClass> classes) {
        return (d, qosClass) -> {
            byte[] b = new byte[d.remaining()];
            d.get(b);
            into.add(b);
            classes.add(qosClass);
        };
    }

    private static List<QosClass> headerClasses(List<byte[]> packets) throws RecordException {
        List<QosClass> classes = new ArrayList<>();
        for (byte[] p : packets) {
            classes.add(RecordHeader.parse(ByteBuffer.wrap(p)).qosClass());
        }
        return classes;
    }

    private static void deliver(List<byte[]> packets, SessionCore to, long now) {
        for (byte[] p : packets) {
            to.onDatagram(now, ByteBuffer.wrap(p));
        }
        packets.clear();
    }

    @Test
    void interactiveStreamsGoBeforeBulkWhateverTheConfiguredOrder() throws Exception {
        SessionConfig config = SessionConfig.defaults(List.of(StreamConfig.bulk(0),
                new StreamConfig(1, QosClass.INTERACTIVE, Service.CHAT)));
        List<byte[]> sent = new ArrayList<>();
        List<QosClass> classes = new ArrayList<>();
        SessionCore core = new SessionCore(aliceRecord, capture(sent, classes), config, new SplittableRandom(3));
        core.write(0, ByteBuffer.wrap(new byte[5000]));
        core.write(1, ByteBuffer.wrap(new byte[3000]));
        // The pacer lets a few packets go per poll; 8,000 bytes fit the initial window of 10 packets.
        for (int i = 0; i < 20; i++) {
            core.poll(now + i * MS);
        }

        List<QosClass> onWire = headerClasses(sent);
        assertThat(onWire).contains(QosClass.INTERACTIVE, QosClass.BULK);
        assertThat(onWire.lastIndexOf(QosClass.INTERACTIVE)).isLessThan(onWire.indexOf(QosClass.BULK));
    }

    @Test
    void voiceAndBulkNeverShareAPacketAndVoiceGoesFirst() throws Exception {
        alice.write(0, ByteBuffer.wrap(new byte[5000]));
        alice.sendDatagram(7, new byte[160]);
        alice.sendDatagram(7, new byte[160]);
        alice.poll(now);
        assertThat(toBob).isNotEmpty();
        RecordHeader first = RecordHeader.parse(ByteBuffer.wrap(toBob.getFirst()));
        assertThat(first.qosClass()).isEqualTo(QosClass.VOICE);
        assertThat(first.service()).isEqualTo(Service.CALL);
        for (byte[] p : toBob.subList(1, toBob.size())) {
            RecordHeader h = RecordHeader.parse(ByteBuffer.wrap(p));
            assertThat(h.qosClass()).isEqualTo(QosClass.BULK);
            assertThat(h.service()).isEqualTo(Service.FILE);
            assertThat(p.length).isLessThanOrEqualTo(SessionConfig.DEFAULT_MAX_DATAGRAM_BYTES);
        }
        deliver(toBob, bob, now + 10 * MS);
        assertThat(bob.receiveDatagram()).isPresent();
        assertThat(bob.receiveDatagram()).isPresent();
        assertThat(bob.receiveDatagram()).isEmpty();
    }

    @Test
    void voiceGoesInTheTicketsCeilingForCallsWhenThatIsBelowVoice() throws Exception {
        Map<Service, QosClass> capped = Map.of(Service.CALL, QosClass.INTERACTIVE, Service.FILE, QosClass.BULK);
        RecordLayer cappedAlice = new RecordLayer(1, 2, a2b, b2a, RekeyPolicy.DEFAULT, QosPolicy.of(capped), () -> now);
        RecordLayer cappedBob = new RecordLayer(2, 1, b2a, a2b, RekeyPolicy.DEFAULT, QosPolicy.of(capped), () -> now);
        List<byte[]> sent = new ArrayList<>();
        List<QosClass> classes = new ArrayList<>();
        SessionCore core = new SessionCore(cappedAlice, capture(sent, classes), SessionConfig.defaults(), new SplittableRandom(4));
        SessionCore receiver = new SessionCore(cappedBob, capture(new ArrayList<>(), new ArrayList<>()),
                SessionConfig.defaults(), new SplittableRandom(5));

        assertThat(core.sendDatagram(7, new byte[160])).isTrue();
        core.poll(now);

        assertThat(headerClasses(sent)).containsExactly(QosClass.INTERACTIVE);
        assertThat(classes).containsExactly(QosClass.INTERACTIVE);
        deliver(sent, receiver, now + MS);
        assertThat(receiver.receiveDatagram()).isPresent();
    }

    @Test
    void aTicketWithoutCallsSendsNoDatagrams() {
        RecordLayer fileOnly = new RecordLayer(1, 2, a2b, b2a, RekeyPolicy.DEFAULT,
                QosPolicy.of(Map.of(Service.FILE, QosClass.BULK)), () -> now);
        List<byte[]> sent = new ArrayList<>();
        SessionCore core = new SessionCore(fileOnly, capture(sent, new ArrayList<>()), SessionConfig.defaults(), new SplittableRandom(6));

        assertThat(core.sendDatagram(7, new byte[160])).isFalse();
        core.poll(now);
        assertThat(sent).isEmpty();
    }

    @Test
    void theLinkIsGivenTheClassSealedInEachPacketsHeader() throws Exception {
        alice.write(0, ByteBuffer.wrap(new byte[5000]));
        alice.sendDatagram(7, new byte[160]);
        alice.poll(now);
        assertThat(classesToBob).containsExactlyElementsOf(headerClasses(toBob)).contains(QosClass.VOICE, QosClass.BULK);
        deliver(toBob, bob, now + 10 * MS);
        bob.poll(now + 10 * MS);
        assertThat(classesToAlice).containsExactlyElementsOf(headerClasses(toAlice)).containsOnly(QosClass.CONTROL);
    }

    @Test
    void smallTransferCompletesOverAPerfectLinkAndAcksFreeTheSender() throws Exception {
        byte[] data = new byte[100_000];
        new SplittableRandom(3).nextBytes(data);
        ByteBuffer src = ByteBuffer.wrap(data);
        ByteBuffer dst = ByteBuffer.allocate(data.length);
        alice.write(0, src);
        alice.finish(0);
        for (int round = 0; round < 1000 && !alice.isSendDone(0); round++) {
            alice.poll(now);
            now += 5 * MS;
            deliver(toBob, bob, now);
            bob.read(0, dst);
            bob.poll(now);
            now += 5 * MS;
            deliver(toAlice, alice, now);
            long next = alice.nextTimeout(now).orElse(now + MS);
            assertThat(next).isGreaterThanOrEqualTo(now);
            now = Math.max(now, Math.min(next, now + MS));
        }
        assertThat(alice.isSendDone(0)).isTrue();
        assertThat(dst.array()).isEqualTo(data);
        assertThat(bob.read(0, ByteBuffer.allocate(1))).isEqualTo(-1);
    }

    @Test
    void lostStreamDataIsSentAgainButLostDatagramsAreNot() {
        alice.write(0, ByteBuffer.wrap(new byte[1000]));
        alice.sendDatagram(7, new byte[160]);
        alice.poll(now);
        assertThat(toBob).hasSize(2);
        toBob.clear(); // both lost
        // The probe timeout sends a PING; its ACK lets the time threshold declare the data lost,
        // which is then sent again; the datagram is not.
        ByteBuffer dst = ByteBuffer.allocate(2000);
        for (int i = 0; i < 50 && dst.position() < 1000; i++) {
            now = Math.min(alice.nextTimeout(now).orElse(Long.MAX_VALUE), bob.nextTimeout(now).orElse(Long.MAX_VALUE));
            alice.poll(now);
            deliver(toBob, bob, now);
            bob.poll(now);
            deliver(toAlice, alice, now);
            alice.poll(now);
            deliver(toBob, bob, now);
            bob.read(0, dst);
        }
        assertThat(dst.position()).isEqualTo(1000);
        assertThat(bob.receiveDatagram()).isEmpty();
        assertThat(alice.counters().datagramsSent()).isEqualTo(1);
    }

    @Test
    void anAckDueByDelayIsSentAtItsDeadline() throws Exception {
        alice.write(0, ByteBuffer.wrap(new byte[100]));
        alice.poll(now);
        deliver(toBob, bob, now);
        bob.poll(now);
        assertThat(toAlice).isEmpty(); // one packet: not yet due
        long deadline = bob.nextTimeout(now).orElseThrow();
        assertThat(deadline).isEqualTo(now + SessionConfig.DEFAULT_MAX_ACK_DELAY_NANOS);
        bob.poll(deadline);
        assertThat(toAlice).hasSize(1);
        assertThat(RecordHeader.parse(ByteBuffer.wrap(toAlice.getFirst())).qosClass()).isEqualTo(QosClass.CONTROL);
    }

    @Test
    void authenticPayloadThatIsNotFramesIsDroppedAndCounted() throws Exception {
        bob.onDatagram(now, ByteBuffer.wrap(sealFromAlice(new byte[] {(byte) 0x3f, 1, 2, 3})));
        assertThat(bob.counters().malformedPackets()).isEqualTo(1);
        bob.poll(now + SessionConfig.DEFAULT_MAX_ACK_DELAY_NANOS);
        assertThat(toAlice).isEmpty(); // not acknowledged
    }

    @Test
    void ackOfAPacketNeverSentIsDroppedAndCounted() throws Exception {
        ByteBuffer payload = ByteBuffer.allocate(100);
        FrameCodec.encode(AckFrame.of(0, 0, 1000), payload);
        FrameCodec.encode(new DatagramFrame(1, new byte[4]), payload);
        bob.onDatagram(now, ByteBuffer.wrap(sealFromAlice(java.util.Arrays.copyOf(payload.array(), payload.position()))));
        assertThat(bob.counters().ackViolations()).isEqualTo(1);
        assertThat(bob.receiveDatagram()).isEmpty();
    }

    @Test
    void dataBeyondTheAdvertisedWindowIsRefusedCountedAndClosesTheSession() throws Exception {
        ByteBuffer payload = ByteBuffer.allocate(100);
        FrameCodec.encode(new StreamFrame(0, 1L << 30, new byte[10], false), payload);
        bob.onDatagram(now, ByteBuffer.wrap(sealFromAlice(java.util.Arrays.copyOf(payload.array(), payload.position()))));
        assertThat(bob.counters().streamErrors()).isEqualTo(1);
        assertThat(bob.end()).hasValueSatisfying(e -> {
            assertThat(e.reason()).isEqualTo(SessionFailure.Reason.PROTOCOL_VIOLATION);
            assertThat(e.close().code()).isEqualTo(CloseCode.PROTOCOL_VIOLATION);
        });
        assertThat(toAlice).hasSize(1);
        deliver(toAlice, alice, now);
        assertThat(alice.end()).hasValueSatisfying(e -> {
            assertThat(e.reason()).isEqualTo(SessionFailure.Reason.PEER_CLOSED);
            assertThat(e.close().code()).isEqualTo(CloseCode.PROTOCOL_VIOLATION);
            assertThat(e.close().reason()).contains("FLOW_CONTROL");
        });
    }

    @Test
    void dataForAnUnknownStreamIsRefusedAndCountedAndTheThirdSuchPacketClosesTheSession() throws Exception {
        for (int i = 1; i <= LifecycleConstants.MAX_PEER_VIOLATIONS; i++) {
            assertThat(bob.end()).isEmpty();
            ByteBuffer other = ByteBuffer.allocate(100);
            FrameCodec.encode(new StreamFrame(9, 0, new byte[10], false), other);
            bob.onDatagram(now, ByteBuffer.wrap(sealFromAlice(java.util.Arrays.copyOf(other.array(), other.position()))));
            assertThat(bob.counters().streamErrors()).isEqualTo(i);
        }
        assertThat(bob.end()).map(SessionEnd::reason).hasValue(SessionFailure.Reason.PROTOCOL_VIOLATION);
        assertThat(bob.counters().closesSent()).isEqualTo(1);
    }

    @Test
    void aDatagramTooLargeForOnePacketIsRefused() {
        assertThat(alice.sendDatagram(1, new byte[1200])).isFalse();
        assertThat(alice.sendDatagram(1, new byte[1100])).isTrue();
    }

    private byte[] sealFromAlice(byte[] payload) throws RecordException {
        ByteBuffer out = ByteBuffer.allocate(payload.length + Limits.OVERHEAD_BYTES);
        aliceRecord.seal(QosClass.BULK, Service.FILE, ByteBuffer.wrap(payload), out);
        return out.array();
    }
}
