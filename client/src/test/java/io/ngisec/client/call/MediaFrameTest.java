package io.ngisec.client.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class MediaFrameTest {

    @Test
    void headerLayoutIsVersionFlagsSequenceTimestampThenOpus() {
        MediaFrame frame = new MediaFrame(0xABCD, 0x89ABCDEFL, true, new byte[] {0x78, 0x01, 0x02});

        byte[] wire = frame.encode();

        assertThat(HexFormat.of().formatHex(wire)).isEqualTo("11" + "abcd" + "89abcdef" + "780102");
        assertThat(new MediaFrame(1, 2, false, new byte[] {9}).encode()[0]).isEqualTo((byte) 0x10);
        assertThat(new MediaFrame(1, 2, false, true, new byte[] {9}).encode()[0]).isEqualTo((byte) 0x12);
    }

    @Test
    void parseGivesBackTheEncodedFrame() throws MalformedMediaException {
        for (MediaFrame frame : new MediaFrame[] {
                new MediaFrame(0, 0, false, new byte[] {1}),
                new MediaFrame(65535, MediaTimestamps.MODULUS - 1, true, new byte[VoiceFormat.MAX_PACKET_BYTES]),
                new MediaFrame(32768, 1L << 31, false, new byte[] {(byte) 0xFC, 0, 0x7F}),
                new MediaFrame(7, 960 * 7, true, true, new byte[] {0x0B})}) {
            assertThat(MediaFrame.parse(frame.encode())).isEqualTo(frame);
        }
    }

    @Test
    void payloadIsCopiedInAndOut() {
        byte[] bytes = {1, 2, 3};
        MediaFrame frame = new MediaFrame(1, 1, false, bytes);
        bytes[0] = 99;
        frame.payload()[1] = 99;

        assertThat(frame.payload()).containsExactly(1, 2, 3);
        assertThat(frame.payloadLength()).isEqualTo(3);
    }

    @Test
    void refusesEachKindOfMalformedDatagramWithItsReason() {
        byte[] good = new MediaFrame(7, 7, false, new byte[] {1, 2}).encode();

        assertReason(new byte[0], MalformedMediaException.Reason.TRUNCATED);
        assertReason(Arrays.copyOf(good, MediaFrame.HEADER_BYTES), MalformedMediaException.Reason.TRUNCATED);
        assertReason(new byte[MediaFrame.MAX_BYTES + 1], MalformedMediaException.Reason.OVERSIZED);
        byte[] v2 = good.clone();
        v2[0] = 0x20;
        assertReason(v2, MalformedMediaException.Reason.UNKNOWN_VERSION);
        byte[] v0 = good.clone();
        v0[0] = 0x00;
        assertReason(v0, MalformedMediaException.Reason.UNKNOWN_VERSION);
        for (int bit : new int[] {0x04, 0x08}) {
            byte[] reserved = good.clone();
            reserved[0] |= (byte) bit;
            assertReason(reserved, MalformedMediaException.Reason.RESERVED_FLAGS);
        }
    }

    @Test
    void largestDatagramParses() throws MalformedMediaException {
        byte[] wire = new byte[MediaFrame.MAX_BYTES];
        wire[0] = 0x10;

        assertThat(MediaFrame.parse(wire).payloadLength()).isEqualTo(VoiceFormat.MAX_PACKET_BYTES);
    }

    @Test
    void constructorRefusesValuesTheHeaderCannotCarry() {
        assertThatThrownBy(() -> new MediaFrame(65536, 0, false, new byte[1])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MediaFrame(-1, 0, false, new byte[1])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MediaFrame(0, 1L << 32, false, new byte[1])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MediaFrame(0, -1, false, new byte[1])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MediaFrame(0, 0, false, new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MediaFrame(0, 0, false, new byte[1276])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void framesWithEqualContentAreEqual() {
        assertThat(new MediaFrame(3, 4, true, new byte[] {5})).isEqualTo(new MediaFrame(3, 4, true, new byte[] {5}))
                .hasSameHashCodeAs(new MediaFrame(3, 4, true, new byte[] {5}))
                .isNotEqualTo(new MediaFrame(3, 4, true, new byte[] {6}))
                .isNotEqualTo(new MediaFrame(3, 4, false, new byte[] {5}));
    }

    private static void assertReason(byte[] datagram, MalformedMediaException.Reason reason) {
        MalformedMediaException e = catchThrowableOfType(MalformedMediaException.class, () -> MediaFrame.parse(datagram));
        assertThat(e).as(HexFormat.of().formatHex(datagram)).isNotNull();
        assertThat(e.reason()).isEqualTo(reason);
    }
}
