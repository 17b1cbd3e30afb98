package io.ngisec.protocol.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The CLOSE payload of section 13.8: layout, one encoding per reason, and what is refused. */
class ClosePayloadTest {

    static byte[] encode(CloseReason reason) {
        ByteBuffer out = ByteBuffer.allocate(ClosePayload.encodedLength(reason));
        ClosePayload.encode(reason, out);
        assertThat(out.hasRemaining()).isFalse();
        return out.array();
    }

    private static byte[] hex(String h) {
        return HexFormat.of().parseHex(h);
    }

    @Test
    void layoutIsCodeThenApplicationCodeOnlyForApplicationThenLengthAndText() {
        assertThat(encode(CloseReason.noError())).containsExactly(hex("0000"));
        assertThat(encode(CloseReason.protocolViolation("x"))).containsExactly(hex("010178"));
        // APPLICATION (2), application code 300 (2-byte varint 0x412c), "bye"
        assertThat(encode(CloseReason.application(300, "bye"))).containsExactly(hex("02412c03627965"));
    }

    @Test
    void everyReasonRoundTrips() {
        for (CloseReason r : new CloseReason[] {CloseReason.noError(), CloseReason.protocolViolation("FLOW_CONTROL"),
                CloseReason.application(0, ""), CloseReason.application((1L << 62) - 1, "é€😀".repeat(10)),
                new CloseReason(CloseCode.NO_ERROR, 0, "x".repeat(LifecycleConstants.MAX_CLOSE_REASON_BYTES))}) {
            byte[] bytes = encode(r);
            assertThat(bytes.length).isLessThanOrEqualTo(LifecycleConstants.MAX_CLOSE_PAYLOAD_BYTES);
            assertThat(ClosePayload.decode(ByteBuffer.wrap(bytes))).hasValue(r);
        }
    }

    @Test
    void decodingConsumesThePayloadEvenWhenRefused() {
        ByteBuffer good = ByteBuffer.wrap(encode(CloseReason.application(7, "bye")));
        ClosePayload.decode(good);
        assertThat(good.hasRemaining()).isFalse();
        ByteBuffer bad = ByteBuffer.wrap(hex("7f0000"));
        assertThat(ClosePayload.decode(bad)).isEmpty();
        assertThat(bad.hasRemaining()).isFalse();
    }

    @Test
    void refusesWhatIsNotExactlyOneEncodedReason() {
        String[] refused = {
            "", // nothing
            "03 00", // unknown code
            "3f 00", // unknown code (largest one-byte)
            "4000 00", // code 0 in two bytes: not the shortest encoding
            "00 4000", // length 0 in two bytes
            "02 4007 00", // application code 7 in two bytes
            "00 01", // reason length 1, no text
            "00 00 00", // a byte after the reason
            "00 02 78", // text shorter than its length
            "00 01 ff", // not UTF-8
            "00 02 c0 80", // overlong NUL
            "00 03 ed a0 80", // a surrogate half
            "02", // application code missing
        };
        for (String h : refused) {
            assertThat(ClosePayload.decode(ByteBuffer.wrap(hex(h.replace(" ", ""))))).as(h).isEmpty();
        }
        // A reason of 101 bytes: NO_ERROR, length 101 (two-byte varint 0x4065), 101 x.
        byte[] tooLong = new byte[3 + 101];
        tooLong[1] = 0x40;
        tooLong[2] = 101;
        Arrays.fill(tooLong, 3, tooLong.length, (byte) 'x');
        assertThat(ClosePayload.decode(ByteBuffer.wrap(tooLong))).isEmpty();
        byte[] longest = Arrays.copyOf(tooLong, tooLong.length - 1);
        longest[2] = 100;
        assertThat(ClosePayload.decode(ByteBuffer.wrap(longest))).map(CloseReason::reason).hasValue("x".repeat(100));
    }

    @Test
    void reasonsThatCannotBeSentAreRefusedWhenMade() {
        assertThatThrownBy(() -> new CloseReason(CloseCode.NO_ERROR, 0, "x".repeat(101)))
                .isInstanceOf(IllegalArgumentException.class);
        // 34 three-byte characters are 102 bytes though only 34 chars.
        assertThatThrownBy(() -> new CloseReason(CloseCode.NO_ERROR, 0, "€".repeat(34)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CloseReason(CloseCode.NO_ERROR, 5, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CloseReason.application(-1, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CloseReason.application(1L << 62, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CloseReason.application(1, "\ud800")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> encode(CloseReason.IDLE_TIMEOUT)).isInstanceOf(IllegalStateException.class);
        assertThat(CloseCode.fromWire(-1)).isEmpty();
        assertThat(CloseCode.IDLE_TIMEOUT.isSent()).isFalse();
    }
}
