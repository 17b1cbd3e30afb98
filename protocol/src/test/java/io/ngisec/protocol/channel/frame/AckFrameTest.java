package io.ngisec.protocol.channel.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ACK frames: the range rules of the record's constructor and the (gap, length) wire form of its ranges. */
class AckFrameTest {

    @Test
    void singlePacket() throws FrameException {
        AckFrame ack = new AckFrame(0, List.of(AckRange.of(0)));
        assertThat(ack.largestAcknowledged()).isZero();
        assertThat(FrameCodecTest.encode(List.of(ack))).isEqualTo(hex("02 00 00 00 00"));
        assertThat(FrameCodecTest.roundTrip(ack)).containsExactly(ack);
        AckFrame top = new AckFrame(0, List.of(AckRange.of(VarInt.MAX_VALUE)));
        assertThat(FrameCodecTest.roundTrip(top)).containsExactly(top);
    }

    @Test
    void gapsCountMissingPacketsMinusOne() throws FrameException {
        // 10..12, 5..7 and 3 acknowledged: 8 and 9 missing give gap 10 - 7 - 2 = 1, packet 4 gap 0.
        AckFrame ack = new AckFrame(25, List.of(new AckRange(10, 12), new AckRange(5, 7), AckRange.of(3)));
        assertThat(FrameCodecTest.encode(List.of(ack))).isEqualTo(hex("02 0c 19 02 02 01 02 00 00"));
        assertThat(FrameCodecTest.roundTrip(ack)).containsExactly(ack);
        assertThat(ack.acknowledges(12)).isTrue();
        assertThat(ack.acknowledges(9)).isFalse();
        assertThat(ack.acknowledges(4)).isFalse();
        assertThat(ack.acknowledges(3)).isTrue();
        assertThat(ack.acknowledges(13)).isFalse();
        assertThat(ack.acknowledges(0)).isFalse();
    }

    @Test
    void everyOtherPacketDownToZeroAtTheRangeLimit() throws FrameException {
        List<AckRange> ranges = new ArrayList<>();
        for (int i = FrameLimits.MAX_ACK_RANGES - 1; i >= 0; i--) {
            ranges.add(AckRange.of(2L * i));
        }
        AckFrame ack = new AckFrame(7, ranges);
        assertThat(ack.ranges().getLast()).isEqualTo(AckRange.of(0));
        assertThat(FrameCodecTest.roundTrip(ack)).containsExactly(ack);
    }

    @Test
    void adjacentOverlappingOrAscendingRangesAreRefused() {
        assertThatThrownBy(() -> new AckFrame(0, List.of(new AckRange(5, 7), new AckRange(2, 4))))
                .as("adjacent").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AckFrame(0, List.of(new AckRange(5, 7), new AckRange(2, 5))))
                .as("overlapping").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AckFrame(0, List.of(new AckRange(2, 3), new AckRange(6, 7))))
                .as("ascending").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AckFrame(0, List.of()))
                .as("empty").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AckRange(3, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AckRange(-1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new AckFrame(0, List.of(new AckRange(5, 7), new AckRange(2, 3))).ranges()).hasSize(2);
    }

    @Test
    void moreRangesThanTheLimitAreRefusedOnBothSides() {
        List<AckRange> ranges = new ArrayList<>();
        for (int i = FrameLimits.MAX_ACK_RANGES; i >= 0; i--) {
            ranges.add(AckRange.of(2L * i));
        }
        assertThatThrownBy(() -> new AckFrame(0, ranges)).isInstanceOf(IllegalArgumentException.class);
        // Range count 256 means 257 ranges; refused before any range is read.
        assertRefused("02 4100 00 4100 00", FrameException.Reason.TOO_MANY_ACK_RANGES);
        assertRefused("02 00 00 c0000000ffffffff", FrameException.Reason.TOO_MANY_ACK_RANGES);
    }

    @Test
    void rangesBelowZeroAreRefused() {
        assertRefused("02 05 00 00 06", FrameException.Reason.BAD_VALUE);     // first range 5 - 6
        assertRefused("02 05 00 01 04 00 00", FrameException.Reason.BAD_VALUE);   // 1..5, then gap to -1
        assertRefused("02 05 00 01 03 00 01", FrameException.Reason.BAD_VALUE);   // 2..5, gap 0: next high 0, length 1
    }

    @Test
    void rangeReachingZeroIsAccepted() throws FrameException {
        // 3..5, gap 0 (packet 2 missing), then 0..1.
        assertThat(FrameCodec.decodeAll(ByteBuffer.wrap(hex("02 05 00 01 02 00 01"))))
                .containsExactly(new AckFrame(0, List.of(new AckRange(3, 5), new AckRange(0, 1))));
    }

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    private static void assertRefused(String s, FrameException.Reason reason) {
        assertThatThrownBy(() -> FrameCodec.decodeAll(ByteBuffer.wrap(hex(s))))
                .isInstanceOfSatisfying(FrameException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
