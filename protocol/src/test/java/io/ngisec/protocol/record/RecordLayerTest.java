package io.ngisec.protocol.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.qos.Service;
import io.ngisec.protocol.record.SessionPair.Opened;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RecordLayerTest {

    private final SessionPair pair = new SessionPair();

    @Test
    void everyQosClassAndServiceRoundTrips() {
        long expectedPn = 0;
        for (QosClass qos : QosClass.values()) {
            for (Service service : Service.values()) {
                byte[] payload = SessionPair.payload(100 + (int) expectedPn, (int) expectedPn);
                byte[] packet = pair.aliceSeals(qos, service, payload);

                assertThat(packet).hasSize(payload.length + Limits.OVERHEAD_BYTES);
                Opened opened = pair.bobOpens(packet);
                assertThat(opened.drop()).isNull();
                assertThat(opened.payload()).isEqualTo(payload);
                assertThat(opened.header()).isEqualTo(new RecordHeader(
                        PacketType.DATA, qos, false, service, SessionPair.BOB_CID, expectedPn));
                expectedPn++;
            }
        }
        RecordStats aliceStats = pair.alice.stats();
        RecordStats bobStats = pair.bob.stats();
        assertThat(aliceStats.send().records()).isEqualTo(expectedPn);
        assertThat(bobStats.receive().records()).isEqualTo(expectedPn);
        assertThat(bobStats.receive().payloadBytes()).isEqualTo(aliceStats.send().payloadBytes());
        assertThat(bobStats.receive().totalDrops()).isZero();
    }

    @Test
    void headerIsClearAndCarriesTheReceiversConnectionId() throws RecordException {
        byte[] packet = pair.aliceSeals(QosClass.VOICE, Service.CALL, "hello".getBytes(StandardCharsets.UTF_8));
        RecordHeader h = RecordHeader.parse(ByteBuffer.wrap(packet));

        assertThat(h).isEqualTo(new RecordHeader(PacketType.DATA, QosClass.VOICE, false, Service.CALL,
                SessionPair.BOB_CID, 0));
        assertThat(new String(packet, StandardCharsets.ISO_8859_1)).doesNotContain("hello");
    }

    @Test
    void bothDirectionsAreIndependent() throws RecordException {
        byte[] toBob = pair.aliceSeals(SessionPair.payload(10, 1));
        ByteBuffer toAlice = ByteBuffer.allocate(64);
        pair.bob.seal(QosClass.CONTROL, Service.CONTROL, ByteBuffer.wrap(SessionPair.payload(10, 2)), toAlice);

        assertThat(pair.bobOpens(toBob).accepted()).isTrue();
        OpenResult r = pair.alice.open(toAlice.flip(), ByteBuffer.allocate(64));
        assertThat(r.accepted()).isTrue();
        assertThat(r.packetNumber()).isZero();
        // Alice's own packet is not for Alice.
        OpenResult own = pair.alice.open(ByteBuffer.wrap(pair.aliceSeals(new byte[3])), ByteBuffer.allocate(64));
        assertThat(own.dropReason()).isEqualTo(DropReason.UNKNOWN_CONNECTION);
    }

    @Test
    void emptyPayloadRoundTrips() {
        Opened opened = pair.bobOpens(pair.aliceSeals(new byte[0]));
        assertThat(opened.accepted()).isTrue();
        assertThat(opened.payload()).isEmpty();
    }

    @Test
    void anyFlippedBitIsAnAuthenticationFailureAndCounted() {
        byte[] payload = SessionPair.payload(40, 3);
        byte[] original = pair.aliceSeals(payload);
        // Header bytes whose change still parses (phase bit, connection id is checked first, so
        // only the phase bit and packet number reach the tag check), then payload and tag bytes.
        int[] positions = {1, 19, 20, 35, 20 + 40 - 1, 20 + 40, original.length - 1};
        int[] masks = {0x10, 0x01, 0x01, 0x80, 0x40, 0x01, 0x80};
        for (int i = 0; i < positions.length; i++) {
            byte[] tampered = original.clone();
            tampered[positions[i]] ^= (byte) masks[i];
            assertThat(pair.bobOpens(tampered).drop()).as("byte %d", positions[i]).isEqualTo(DropReason.AUTH_FAILED);
        }
        assertThat(pair.bob.opener().dropped(DropReason.AUTH_FAILED)).isEqualTo(positions.length);
        // The untouched packet still opens: failures changed no state.
        assertThat(pair.bobOpens(original).payload()).isEqualTo(payload);
    }

    @Test
    void headerFieldsCannotBeRelabelled() {
        byte[] original = pair.aliceSeals(QosClass.BULK, Service.FILE, SessionPair.payload(30, 4));
        byte[] asVoice = original.clone();
        asVoice[1] = (byte) (QosClass.VOICE.code() << 5);
        byte[] asChat = original.clone();
        asChat[2] = (byte) Service.CHAT.id();
        byte[] asClose = original.clone();
        asClose[0] = 0x15;

        assertThat(pair.bobOpens(asVoice).drop()).isEqualTo(DropReason.AUTH_FAILED);
        assertThat(pair.bobOpens(asChat).drop()).isEqualTo(DropReason.AUTH_FAILED);
        assertThat(pair.bobOpens(asClose).drop()).isEqualTo(DropReason.AUTH_FAILED);
    }

    @Test
    void replayedPacketIsDroppedAsReplay() {
        byte[] packet = pair.aliceSeals(SessionPair.payload(20, 5));
        assertThat(pair.bobOpens(packet).accepted()).isTrue();
        assertThat(pair.bobOpens(packet).drop()).isEqualTo(DropReason.REPLAY);
        assertThat(pair.bobOpens(packet).drop()).isEqualTo(DropReason.REPLAY);
        assertThat(pair.bob.stats().receive().drops().get(DropReason.REPLAY)).isEqualTo(2);
    }

    @Test
    void packetFromBeyondTheWindowIsDroppedAsTooOld() {
        byte[] old = pair.aliceSeals(SessionPair.payload(20, 6));
        byte[] latest = null;
        for (int i = 0; i <= ReplayWindow.WINDOW_SIZE; i++) {
            latest = pair.aliceSeals(new byte[1]);
        }
        assertThat(pair.bobOpens(latest).accepted()).isTrue();
        assertThat(pair.bobOpens(old).drop()).isEqualTo(DropReason.TOO_OLD);
        assertThat(pair.bob.opener().dropped(DropReason.TOO_OLD)).isEqualTo(1);
    }

    @Test
    void reorderingWithinTheWindowIsAccepted() {
        byte[][] packets = new byte[ReplayWindow.WINDOW_SIZE + 1][];
        for (int i = 0; i < packets.length; i++) {
            packets[i] = pair.aliceSeals(SessionPair.payload(8, i));
        }
        for (int i = packets.length - 1; i >= 0; i--) {
            Opened opened = pair.bobOpens(packets[i]);
            assertThat(opened.accepted()).as("packet %d", i).isTrue();
            assertThat(opened.payload()).isEqualTo(SessionPair.payload(8, i));
        }
    }

    @Test
    void packetForAnotherConnectionIsDropped() {
        byte[] packet = pair.aliceSeals(SessionPair.payload(20, 7));
        packet[11] ^= 1;
        assertThat(pair.bobOpens(packet).drop()).isEqualTo(DropReason.UNKNOWN_CONNECTION);
        assertThat(pair.bob.opener().dropped(DropReason.UNKNOWN_CONNECTION)).isEqualTo(1);
    }

    @Test
    void malformedPacketsAreDroppedByReason() {
        byte[] packet = pair.aliceSeals(SessionPair.payload(20, 8));

        assertThat(pair.bobOpens(Arrays.copyOf(packet, Limits.OVERHEAD_BYTES - 1)).drop())
                .isEqualTo(DropReason.MALFORMED);
        assertThat(pair.bobOpens(new byte[0]).drop()).isEqualTo(DropReason.MALFORMED);
        assertThat(pair.bobOpens(with(packet, 0, 0x24)).drop()).isEqualTo(DropReason.WRONG_VERSION);
        assertThat(pair.bobOpens(with(packet, 0, 0x12)).drop()).isEqualTo(DropReason.UNEXPECTED_TYPE);
        assertThat(pair.bobOpens(with(packet, 0, 0x1e)).drop()).isEqualTo(DropReason.MALFORMED);
        assertThat(pair.bobOpens(with(packet, 1, packet[1] | 0x01)).drop()).isEqualTo(DropReason.MALFORMED);
        assertThat(pair.bobOpens(with(packet, 3, 1)).drop()).isEqualTo(DropReason.MALFORMED);
        assertThat(pair.bobOpens(with(packet, 12, 0x40)).drop()).isEqualTo(DropReason.KEY_EXHAUSTED);
        assertThat(pair.bobOpens(with(packet, 12, 0x80)).drop()).isEqualTo(DropReason.KEY_EXHAUSTED);
        assertThat(pair.bob.stats().receive().totalDrops()).isEqualTo(9);
        assertThat(pair.bobOpens(packet).accepted()).isTrue();
    }

    @Test
    void tooSmallPlaintextBufferIsADropNotAnException() {
        byte[] packet = pair.aliceSeals(SessionPair.payload(50, 9));
        ByteBuffer small = ByteBuffer.allocate(49);
        OpenResult r = pair.bob.open(ByteBuffer.wrap(packet), small);

        assertThat(r.dropReason()).isEqualTo(DropReason.OUTPUT_TOO_SMALL);
        assertThat(small.position()).isZero();
        // Not consumed by the replay window: it opens with room.
        assertThat(pair.bobOpens(packet).accepted()).isTrue();
    }

    @Test
    void opensFromDirectAndOffsetBuffers() throws RecordException {
        byte[] payload = SessionPair.payload(300, 10);
        ByteBuffer directPayload = ByteBuffer.allocateDirect(300).put(payload).flip();
        ByteBuffer directOut = ByteBuffer.allocateDirect(400);
        directOut.position(5);
        long pn = pair.alice.seal(QosClass.VOICE, Service.CALL, directPayload, directOut);
        directOut.flip().position(5);

        ByteBuffer plain = ByteBuffer.allocate(400);
        plain.position(7);
        OpenResult r = pair.bob.open(directOut, plain);

        assertThat(r.accepted()).isTrue();
        assertThat(r.packetNumber()).isEqualTo(pn);
        assertThat(directOut.remaining()).isZero();
        assertThat(Arrays.copyOfRange(plain.array(), 7, plain.position())).isEqualTo(payload);
    }

    @Test
    void opensInPlaceIntoThePacketsOwnArray() {
        byte[] payload = SessionPair.payload(200, 11);
        byte[] packet = pair.aliceSeals(payload);
        ByteBuffer whole = ByteBuffer.wrap(packet);
        ByteBuffer payloadArea = ByteBuffer.wrap(packet, RecordHeader.LENGTH, packet.length - RecordHeader.LENGTH);

        OpenResult r = pair.bob.open(whole, payloadArea);

        assertThat(r.accepted()).isTrue();
        assertThat(Arrays.copyOfRange(packet, RecordHeader.LENGTH, RecordHeader.LENGTH + 200)).isEqualTo(payload);
    }

    @Test
    void sealRefusesBadBuffersWithoutMovingThem() {
        ByteBuffer payload = ByteBuffer.allocate(10);
        ByteBuffer tooSmall = ByteBuffer.allocate(10 + Limits.OVERHEAD_BYTES - 1);
        assertThatThrownBy(() -> pair.alice.seal(QosClass.BULK, Service.FILE, payload, tooSmall))
                .isInstanceOfSatisfying(RecordException.class,
                        e -> assertThat(e.reason()).isEqualTo(RecordException.Reason.OUTPUT_TOO_SMALL));
        ByteBuffer huge = ByteBuffer.allocate(Limits.MAX_PAYLOAD_BYTES + 1);
        assertThatThrownBy(() -> pair.alice.seal(QosClass.BULK, Service.FILE, huge, ByteBuffer.allocate(70_000)))
                .isInstanceOfSatisfying(RecordException.class,
                        e -> assertThat(e.reason()).isEqualTo(RecordException.Reason.PAYLOAD_TOO_LARGE));

        assertThat(payload.position()).isZero();
        assertThat(tooSmall.position()).isZero();
        assertThat(pair.alice.stats().send().records()).isZero();
    }

    @Test
    void closeRecordOpensAsClose() throws RecordException {
        ByteBuffer out = ByteBuffer.allocate(64);
        pair.alice.sealer().sealClose(ByteBuffer.wrap(new byte[] {7}), out);
        OpenResult r = pair.bob.open(out.flip(), ByteBuffer.allocate(64));

        assertThat(r.accepted()).isTrue();
        assertThat(r.type()).isEqualTo(PacketType.CLOSE);
        assertThat(r.qosClass()).isEqualTo(QosClass.CONTROL);
        assertThat(r.service()).isEqualTo(Service.CONTROL);
        assertThat(r.payloadLength()).isEqualTo(1);
    }

    @Test
    void closedLayerRefusesToSealAndDropsEverything() {
        byte[] packet = pair.aliceSeals(SessionPair.payload(20, 12));
        pair.alice.close();
        pair.bob.close();
        pair.bob.close();

        assertThatThrownBy(() -> pair.alice.seal(QosClass.INTERACTIVE, Service.CHAT, ByteBuffer.allocate(1), ByteBuffer.allocate(64)))
                .isInstanceOfSatisfying(RecordException.class,
                        e -> assertThat(e.reason()).isEqualTo(RecordException.Reason.CLOSED));
        assertThat(pair.bobOpens(packet).drop()).isEqualTo(DropReason.CLOSED);
        assertThat(pair.alice.sealer().isClosed()).isTrue();
        assertThat(pair.bob.opener().isClosed()).isTrue();
    }

    @Test
    void constructorCopiesTheSecrets() {
        byte[] send = SessionPair.secret(0x0a);
        byte[] receive = SessionPair.secret(0x0b);
        RecordLayer carol = new RecordLayer(SessionPair.ALICE_CID, SessionPair.BOB_CID, send, receive,
                RekeyPolicy.DEFAULT, pair.clock);
        Arrays.fill(send, (byte) 0);
        Arrays.fill(receive, (byte) 0);
        ByteBuffer out = ByteBuffer.allocate(64);
        try {
            carol.seal(QosClass.INTERACTIVE, Service.CHAT, ByteBuffer.allocate(4), out);
        } catch (RecordException e) {
            throw new AssertionError(e);
        }
        assertThat(pair.bob.open(out.flip(), ByteBuffer.allocate(64)).accepted()).isTrue();
    }

    private static byte[] with(byte[] packet, int index, int value) {
        byte[] copy = packet.clone();
        copy[index] = (byte) value;
        return copy;
    }
}
