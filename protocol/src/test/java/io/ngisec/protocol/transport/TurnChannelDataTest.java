package io.ngisec.protocol.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ngisec.protocol.fuzz.FuzzInputs;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** ChannelData framing, RFC 8656 section 12.4. */
class TurnChannelDataTest {

    @Test
    void encodesChannelNumberLengthAndData() {
        byte[] message = TurnChannelData.encode(0x4001, new byte[] {9, 1, 2, 3, 9}, 1, 3);
        assertThat(HexFormat.of().formatHex(message)).isEqualTo("40010003010203");
    }

    @Test
    void decodesWhatItEncodesWithOrWithoutPadding() {
        byte[] message = TurnChannelData.encode(0x4FFF, new byte[] {1, 2, 3}, 0, 3);
        assertThat(TurnChannelData.decode(message, 0, message.length)).hasValueSatisfying(c -> {
            assertThat(c.channel()).isEqualTo(0x4FFF);
            assertThat(c.data()).containsExactly(1, 2, 3);
        });
        byte[] padded = Arrays.copyOf(message, 8);
        assertThat(TurnChannelData.decode(padded, 0, padded.length)).hasValueSatisfying(c ->
                assertThat(c.data()).containsExactly(1, 2, 3));
        byte[] framed = new byte[20];
        System.arraycopy(message, 0, framed, 5, message.length);
        assertThat(TurnChannelData.decode(framed, 5, message.length)).isPresent();
    }

    @Test
    void refusesWhatIsNotChannelData() {
        byte[] stun = HexFormat.of().parseHex("000100002112a442000000000000000000000000");
        assertThat(TurnChannelData.looksLike(stun, 0, stun.length)).isFalse();
        assertThat(TurnChannelData.decode(stun, 0, stun.length)).isEmpty();
        // Too short, longer than the datagram, more than 3 bytes after the data, channel above 0x7FFF.
        assertThat(decode("4000")).isEmpty();
        assertThat(decode("4000000501020304")).isEmpty();
        assertThat(decode("40000001ff00000000")).isEmpty();
        assertThat(decode("80000001ff")).isEmpty();
        assertThat(decode("40000000")).hasValueSatisfying(c -> assertThat(c.data()).isEmpty());
    }

    @Test
    void encodingRefusesChannelsOutsideTheRange() {
        assertThatThrownBy(() -> TurnChannelData.encode(0x3FFF, new byte[1], 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TurnChannelData.encode(0x8000, new byte[1], 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fuzzedDatagramsDecodeToTheirOwnBytesOrToNothing() {
        FuzzInputs fuzz = new FuzzInputs("TurnChannelData");
        byte[] genuine = TurnChannelData.encode(0x4000, new byte[] {1, 2, 3, 4, 5, 6, 7}, 0, 7);
        for (int i = 0; i < 20_000; i++) {
            byte[] input = fuzz.next(genuine, 32);
            Optional<TurnChannelData> c = TurnChannelData.decode(input, 0, input.length);
            c.ifPresent(m -> {
                byte[] again = TurnChannelData.encode(m.channel(), m.data(), 0, m.data().length);
                assertThat(again).as("re-encoded %s", HexFormat.of().formatHex(input))
                        .isEqualTo(Arrays.copyOf(input, again.length));
                assertThat(input.length - again.length).isBetween(0, 3);
            });
        }
    }

    private static Optional<TurnChannelData> decode(String hex) {
        byte[] b = HexFormat.of().parseHex(hex);
        return TurnChannelData.decode(b, 0, b.length);
    }
}
