package io.ngisec.protocol.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.qos.Service;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class RecordHeaderTest {

    private static final RecordHeader DATA = new RecordHeader(
            PacketType.DATA, QosClass.VOICE, true, Service.CALL, 0x0102030405060708L, 0x1112131415161718L);

    @Test
    void encodesTheDocumentedLayout() {
        ByteBuffer out = ByteBuffer.allocate(RecordHeader.LENGTH);
        DATA.write(out);

        // 0x14: version 1, DATA; 0x90: VOICE (4) << 5 | phase bit; 0x01: CALL; 0x00: flags.
        assertThat(HexFormat.of().formatHex(out.array()))
                .isEqualTo("14900100" + "0102030405060708" + "1112131415161718");
        assertThat(out.position()).isEqualTo(RecordHeader.LENGTH);
    }

    @Test
    void parsesWhatItWritesAndAdvances() throws RecordException {
        ByteBuffer buf = ByteBuffer.allocate(30);
        buf.position(3);
        DATA.write(buf);
        buf.flip().position(3);

        assertThat(RecordHeader.parse(buf)).isEqualTo(DATA);
        assertThat(buf.position()).isEqualTo(23);
    }

    @Test
    void wireIsBigEndianWhateverTheBufferOrder() throws RecordException {
        ByteBuffer little = ByteBuffer.allocate(RecordHeader.LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        DATA.write(little);
        ByteBuffer big = ByteBuffer.allocate(RecordHeader.LENGTH);
        DATA.write(big);

        assertThat(little.array()).isEqualTo(big.array());
        little.flip();
        assertThat(RecordHeader.parse(little)).isEqualTo(DATA);
    }

    @Test
    void everyTypeQosAndServiceRoundTrips() throws RecordException {
        for (PacketType type : PacketType.values()) {
            for (QosClass qos : QosClass.values()) {
                for (Service service : Service.values()) {
                    long cid = type == PacketType.HANDSHAKE_INIT ? 0 : -7;
                    long pn = type == PacketType.HANDSHAKE_INIT ? 0 : Long.MAX_VALUE;
                    RecordHeader h = new RecordHeader(type, qos, false, service, cid, pn);
                    ByteBuffer buf = ByteBuffer.allocate(RecordHeader.LENGTH);
                    h.write(buf);
                    assertThat(RecordHeader.parse(buf.flip())).isEqualTo(h);
                }
            }
        }
    }

    @Test
    void rejectsShortInputWithoutMoving() {
        ByteBuffer buf = ByteBuffer.allocate(RecordHeader.LENGTH - 1);
        assertRejected(buf, RecordException.Reason.TRUNCATED);
        assertThat(buf.position()).isZero();
    }

    @Test
    void rejectsOtherVersions() {
        assertRejected(mutated(0, 0x24), RecordException.Reason.WRONG_VERSION);
        assertRejected(mutated(0, 0x04), RecordException.Reason.WRONG_VERSION);
    }

    @Test
    void rejectsReservedTypes() {
        assertRejected(mutated(0, 0x10), RecordException.Reason.UNKNOWN_TYPE);
        assertRejected(mutated(0, 0x16), RecordException.Reason.UNKNOWN_TYPE);
        assertRejected(mutated(0, 0x1f), RecordException.Reason.UNKNOWN_TYPE);
    }

    @Test
    void rejectsReservedBitsAndFlags() {
        for (int bit = 0; bit < 4; bit++) {
            assertRejected(mutated(1, 0x90 | 1 << bit), RecordException.Reason.RESERVED_BITS_SET);
        }
        assertRejected(mutated(3, 0x80), RecordException.Reason.RESERVED_BITS_SET);
    }

    @Test
    void rejectsUnknownQosClassAndService() {
        assertRejected(mutated(1, 5 << 5), RecordException.Reason.UNKNOWN_QOS_CLASS);
        assertRejected(mutated(1, 7 << 5), RecordException.Reason.UNKNOWN_QOS_CLASS);
        assertRejected(mutated(2, 4), RecordException.Reason.UNKNOWN_SERVICE);
        assertRejected(mutated(2, 0xff), RecordException.Reason.UNKNOWN_SERVICE);
    }

    @Test
    void handshakeInitCarriesNoConnectionIdOrPacketNumber() {
        ByteBuffer buf = ByteBuffer.allocate(RecordHeader.LENGTH);
        new RecordHeader(PacketType.HANDSHAKE_INIT, QosClass.CONTROL, false, Service.CONTROL, 0, 0).write(buf);
        buf.put(19, (byte) 1);
        assertRejected(buf.flip(), RecordException.Reason.BAD_HANDSHAKE_INIT);

        assertThatThrownBy(() -> new RecordHeader(
                PacketType.HANDSHAKE_INIT, QosClass.CONTROL, false, Service.CONTROL, 9, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writeRefusesAShortBuffer() {
        ByteBuffer small = ByteBuffer.allocate(RecordHeader.LENGTH - 1);
        assertThatThrownBy(() -> DATA.write(small)).isInstanceOf(BufferOverflowException.class);
        assertThat(small.position()).isZero();
    }

    private static ByteBuffer mutated(int index, int value) {
        ByteBuffer buf = ByteBuffer.allocate(RecordHeader.LENGTH);
        DATA.write(buf);
        buf.put(index, (byte) value);
        return buf.flip();
    }

    private static void assertRejected(ByteBuffer buf, RecordException.Reason reason) {
        assertThatThrownBy(() -> RecordHeader.parse(buf))
                .isInstanceOfSatisfying(RecordException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
