package io.ngisec.protocol.channel.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** VarInt: RFC 9000 section 16 lengths and the examples of its appendix A.1, plus NGISec's shortest-form rule. */
class VarIntTest {

    @ParameterizedTest
    @CsvSource({
        "0, 1", "63, 1", "64, 2", "16383, 2", "16384, 4", "1073741823, 4", "1073741824, 8",
        "4611686018427387903, 8"})
    void edgeValuesTakeTheirLengthAndRoundTrip(long value, int length) throws FrameException {
        assertThat(VarInt.length(value)).isEqualTo(length);
        ByteBuffer buf = ByteBuffer.allocate(9).order(ByteOrder.LITTLE_ENDIAN);
        VarInt.write(value, buf);
        assertThat(buf.position()).isEqualTo(length);
        buf.flip();
        assertThat(VarInt.read(buf)).isEqualTo(value);
        assertThat(buf.hasRemaining()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"c2197c5eff14e88c, 151288809941952652", "9d7f3e7d, 494878333", "7bbd, 15293", "25, 37"})
    void rfc9000Examples(String hex, long value) throws FrameException {
        byte[] wire = HexFormat.of().parseHex(hex);
        assertThat(VarInt.read(ByteBuffer.wrap(wire))).isEqualTo(value);
        ByteBuffer out = ByteBuffer.allocate(wire.length);
        VarInt.write(value, out);
        assertThat(out.array()).isEqualTo(wire);
    }

    @ParameterizedTest
    @CsvSource({"4025", "80000025", "c000000000000025", "403f", "80003fff", "c00000003fffffff"})
    void longerEncodingsThanNeededAreRefused(String hex) {
        // RFC 9000 allows 0x4025 for 37; NGISec does not, so that each frame has one encoding.
        ByteBuffer in = ByteBuffer.wrap(HexFormat.of().parseHex(hex));
        assertThatThrownBy(() -> VarInt.read(in))
                .isInstanceOfSatisfying(FrameException.class,
                        e -> assertThat(e.reason()).isEqualTo(FrameException.Reason.NON_CANONICAL));
        assertThat(in.position()).isZero();
    }

    @ParameterizedTest
    @CsvSource({"''", "40", "9d7f3e", "c2197c5eff14e8"})
    void truncatedEncodingsAreRefusedWithoutMoving(String hex) {
        ByteBuffer in = ByteBuffer.wrap(HexFormat.of().parseHex(hex));
        assertThatThrownBy(() -> VarInt.read(in))
                .isInstanceOfSatisfying(FrameException.class,
                        e -> assertThat(e.reason()).isEqualTo(FrameException.Reason.TRUNCATED));
        assertThat(in.position()).isZero();
    }

    @Test
    void readStopsAtTheLimitNotTheCapacity() {
        ByteBuffer in = ByteBuffer.wrap(HexFormat.of().parseHex("7bbd")).limit(1);
        assertThatThrownBy(() -> VarInt.read(in)).isInstanceOf(FrameException.class);
    }

    @Test
    void valuesOutOfRangeAreRefused() {
        assertThatThrownBy(() -> VarInt.length(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VarInt.length(VarInt.MAX_VALUE + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VarInt.write(1L << 62, ByteBuffer.allocate(8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writeWithoutRoomWritesNothing() {
        ByteBuffer out = ByteBuffer.allocate(3);
        assertThatThrownBy(() -> VarInt.write(16384, out)).isInstanceOf(BufferOverflowException.class);
        assertThat(out.position()).isZero();
    }
}
