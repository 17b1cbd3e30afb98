package io.ngisec.protocol.channel.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** FrameCodec: every frame type round-trips at VarInt boundaries, the wire layouts of spec section 10, and refusals. */
class FrameCodecTest {

    private static final long[] EDGES = RandomFrames.EDGES;

    @Test
    void everyFrameTypeRoundTripsAtEveryBoundary() throws FrameException {
        List<Frame> frames = new ArrayList<>();
        for (long v : EDGES) {
            frames.add(new MaxDataFrame(v));
            frames.add(new MaxStreamDataFrame(v, v));
            frames.add(new MaxStreamDataFrame(VarInt.MAX_VALUE - v, v));
            frames.add(new ResetStreamFrame(v, v, v));
            frames.add(new DatagramFrame(v, new byte[] {1, 2, 3}));
            frames.add(new StreamFrame(v, v == VarInt.MAX_VALUE ? v : 0, new byte[0], true));
            frames.add(new StreamFrame(v, Math.min(v, VarInt.MAX_VALUE - 5), new byte[] {9, 8, 7, 6, 5}, false));
            frames.add(new PathChallengeFrame(v));
            frames.add(new PathResponseFrame(-v));
            frames.add(AckFrame.of(v, 0, v));
            frames.add(AckFrame.of(0, v, v));
        }
        frames.add(new PingFrame());
        frames.add(new PathChallengeFrame(Long.MIN_VALUE));
        for (int length : new int[] {1, 63, 64, 16383, 16384}) {
            frames.add(new PaddingFrame(length));
            frames.add(new StreamFrame(4, 1, new byte[length], false));
            frames.add(new DatagramFrame(1, new byte[length]));
        }
        for (Frame f : frames) {
            assertThat(roundTrip(f)).as(f.toString()).containsExactly(f);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "01, PING",
        "000000, PADDING",
        "02 4064 0a 00 05, ACK",             // largest 100, delay 10, one range 95..100
        "03 04 8000ffff 00, RESET_STREAM",   // stream 4, error 65535, final size 0
        "04 c000000040000000, MAX_DATA",     // 2^30
        "05 3f 7fff, MAX_STREAM_DATA",
        "06 0102030405060708, PATH_CHALLENGE",
        "07 0102030405060708, PATH_RESPONSE",
        "08 01 02 abcd, DATAGRAM",
        "10 04 00, STREAM",                  // stream 4, offset 0, no data
        "13 04 40 40 02 abcd, STREAM"})      // OFF|FIN, stream 4, offset 64, two bytes
    void wireLayoutsOfTheSpec(String hex, FrameType type) throws FrameException {
        byte[] wire = HexFormat.of().parseHex(hex.replace(" ", ""));
        List<Frame> frames = FrameCodec.decodeAll(ByteBuffer.wrap(wire));
        assertThat(frames).hasSize(1);
        assertThat(frames.getFirst().type()).isEqualTo(type);
        assertThat(encode(frames)).isEqualTo(wire);
    }

    @Test
    void fieldsLandWhereTheSpecSays() throws FrameException {
        assertThat(decodeOne("02 4064 0a 00 05")).isEqualTo(AckFrame.of(10, 95, 100));
        assertThat(decodeOne("13 04 40 40 02 abcd"))
                .isEqualTo(new StreamFrame(4, 64, new byte[] {(byte) 0xab, (byte) 0xcd}, true));
        assertThat(decodeOne("06 0102030405060708")).isEqualTo(new PathChallengeFrame(0x0102030405060708L));
        assertThat(decodeOne("03 04 8000ffff 00")).isEqualTo(new ResetStreamFrame(4, 65535, 0));
    }

    @Test
    void zeroRunsAreOnePaddingFrameAndOtherFramesEndThem() throws FrameException {
        assertThat(FrameCodec.decodeAll(ByteBuffer.wrap(HexFormat.of().parseHex("0000010000"))))
                .containsExactly(new PaddingFrame(2), new PingFrame(), new PaddingFrame(2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"09", "0f", "14", "1f", "20", "40", "ff", "01 30"})
    void unknownTypeBytesAreRefused(String hex) {
        assertRefused(hex, FrameException.Reason.UNKNOWN_TYPE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "02", "02 05", "02 05 00 00", "03 04 00", "04", "05 01", "06 01020304050607", "07",
        "08 01 03 abcd", "08 01", "10 04", "12 04 40", "12 04 05 03 0102", "04 40"})
    void truncatedFramesAreRefused(String hex) {
        assertRefused(hex, FrameException.Reason.TRUNCATED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12 04 00 00", "04 4001", "10 4004 00", "08 00 4001 ab"})
    void nonCanonicalEncodingsAreRefused(String hex) {
        // Explicit offset 0 with the OFF bit, or a VarInt longer than needed.
        assertRefused(hex, FrameException.Reason.NON_CANONICAL);
    }

    @Test
    void streamsEndingPast2To62AreRefused() {
        assertRefused("12 04 ffffffffffffffff 01 aa", FrameException.Reason.BAD_VALUE);
        assertThatThrownBy(() -> new StreamFrame(4, VarInt.MAX_VALUE, new byte[1], false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptyPayloadIsRefused() {
        assertRefused("", FrameException.Reason.EMPTY_PAYLOAD);
    }

    @Test
    void decodeReadsOnlyBetweenPositionAndLimitAndMovesOnlyOnSuccess() throws FrameException {
        // 0xee before and a truncating 0x04 after the payload; neither may be read.
        ByteBuffer buf = ByteBuffer.wrap(HexFormat.of().parseHex("ee 01 0000 04".replace(" ", "")));
        buf.position(1).limit(4);
        assertThat(FrameCodec.decodeAll(buf)).containsExactly(new PingFrame(), new PaddingFrame(2));
        assertThat(buf.position()).isEqualTo(4);

        ByteBuffer bad = ByteBuffer.wrap(HexFormat.of().parseHex("0104")).position(0);
        assertThatThrownBy(() -> FrameCodec.decodeAll(bad)).isInstanceOf(FrameException.class);
        assertThat(bad.position()).isZero();
    }

    @Test
    void encodeWithoutRoomWritesNothing() {
        Frame f = new StreamFrame(1, 0, new byte[10], false);
        ByteBuffer out = ByteBuffer.allocate(FrameCodec.encodedLength(f) - 1);
        assertThatThrownBy(() -> FrameCodec.encode(f, out)).isInstanceOf(BufferOverflowException.class);
        assertThatThrownBy(() -> FrameCodec.encodeAll(List.of(new PingFrame(), f), out))
                .isInstanceOf(BufferOverflowException.class);
        assertThat(out.position()).isZero();
    }

    @Test
    void onlyAckAndPaddingAreNotAckEliciting() {
        for (FrameType t : FrameType.values()) {
            assertThat(t.ackEliciting()).as(t.name()).isEqualTo(t != FrameType.ACK && t != FrameType.PADDING);
        }
        assertThat(new PingFrame().ackEliciting()).isTrue();
        assertThat(AckFrame.of(0, 1, 2).ackEliciting()).isFalse();
    }

    @Test
    void typeBytesAreTheTable() {
        assertThat(FrameType.byTypeByte(0x10)).isEqualTo(FrameType.STREAM);
        assertThat(FrameType.byTypeByte(0x13)).isEqualTo(FrameType.STREAM);
        assertThat(FrameType.byTypeByte(0x14)).isNull();
        assertThat(FrameType.byTypeByte(0x08)).isEqualTo(FrameType.DATAGRAM);
        assertThat(FrameType.byTypeByte(0x09)).isNull();
        assertThat(FrameType.byTypeByte(-1)).isNull();
        assertThat(FrameType.byTypeByte(256)).isNull();
    }

    @Test
    void streamDataLengthFillsTheSpaceExactlyWhereItCan() {
        // Header of stream 4 at offset 0: type + id = 2 bytes; a 1-byte length holds up to 63.
        assertThat(FrameCodec.maxStreamDataLength(4, 0, 2)).isEqualTo(-1);
        assertThat(FrameCodec.maxStreamDataLength(4, 0, 3)).isZero();
        assertThat(FrameCodec.maxStreamDataLength(4, 0, 66)).isEqualTo(63);
        // 67 bytes: 64 data bytes need a 2-byte length (68 bytes); 63 with a 1-byte length fit in 66.
        assertThat(FrameCodec.maxStreamDataLength(4, 0, 67)).isEqualTo(63);
        assertThat(FrameCodec.maxStreamDataLength(4, 0, 68)).isEqualTo(64);
        assertThat(FrameCodec.maxStreamDataLength(4, 1 << 20, 1200)).isEqualTo(1200 - 1 - 1 - 4 - 2);
        assertThat(FrameCodec.maxStreamDataLength(4, VarInt.MAX_VALUE - 3, 1200)).isEqualTo(3);
        assertThat(FrameCodec.maxStreamDataLength(4, VarInt.MAX_VALUE, 1200)).isZero();
        assertThat(FrameCodec.maxDatagramDataLength(1, 2)).isEqualTo(-1);
        assertThat(FrameCodec.maxDatagramDataLength(1, 3)).isZero();
        assertThat(FrameCodec.maxDatagramDataLength(1, 1200)).isEqualTo(1200 - 1 - 1 - 2);
        assertThat(FrameCodec.maxDatagramDataLength(64, 2)).isEqualTo(-1);
    }

    static List<Frame> roundTrip(Frame f) throws FrameException {
        ByteBuffer buf = ByteBuffer.allocate(FrameCodec.encodedLength(f));
        FrameCodec.encode(f, buf);
        assertThat(buf.hasRemaining()).as("encodedLength of %s", f).isFalse();
        return FrameCodec.decodeAll(buf.flip());
    }

    static byte[] encode(List<? extends Frame> frames) {
        ByteBuffer buf = ByteBuffer.allocate(FrameCodec.encodedLength(frames));
        FrameCodec.encodeAll(frames, buf);
        return buf.array();
    }

    private static Frame decodeOne(String hex) throws FrameException {
        List<Frame> frames = FrameCodec.decodeAll(ByteBuffer.wrap(HexFormat.of().parseHex(hex.replace(" ", ""))));
        assertThat(frames).hasSize(1);
        return frames.getFirst();
    }

    private static void assertRefused(String hex, FrameException.Reason reason) {
        ByteBuffer in = ByteBuffer.wrap(HexFormat.of().parseHex(hex.replace(" ", "")));
        assertThatThrownBy(() -> FrameCodec.decodeAll(in))
                .isInstanceOfSatisfying(FrameException.class, e -> assertThat(e.reason()).isEqualTo(reason));
        assertThat(in.position()).isZero();
    }
}
