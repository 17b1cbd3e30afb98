package io.ngisec.client.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.ngisec.protocol.fuzz.FuzzInputs;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bounded fuzzing of {@link MediaFrame#parse} on what a peer could put on the real-time channel:
 * 50,000 random, mutated and edited datagrams from a seeded {@link FuzzInputs}. Only
 * {@link MalformedMediaException} escapes, and what parses re-encodes to the same bytes.
 */
class MediaFrameFuzzTest {

    private final Map<MalformedMediaException.Reason, Integer> refusals = new EnumMap<>(MalformedMediaException.Reason.class);
    private int parsed;

    @Test
    void randomMutatedAndEditedDatagramsParseOrFailTyped() {
        FuzzInputs inputs = new FuzzInputs("media frame parse");
        byte[] small = new MediaFrame(65535, 0xFFFF_FFFFL, true, new byte[] {0x08}).encode();
        byte[] large = new MediaFrame(1, 960, false, inputs.bytes(VoiceFormat.MAX_PACKET_BYTES)).encode();
        int tries = 50_000;
        for (int i = 0; i < tries; i++) {
            byte[] genuine = inputs.random().nextBoolean() ? small : large;
            byte[] datagram = switch (inputs.random().nextInt(4)) {
                case 0 -> inputs.randomBytes(MediaFrame.MAX_BYTES + 40);
                case 1 -> inputs.next(genuine, 64);
                case 2 -> inputs.mutate(genuine);
                default -> inputs.edit(genuine);
            };
            check(datagram, inputs.describe(i, datagram));
        }
        assertThat(refusals).as(refusals.toString()).containsKeys(MalformedMediaException.Reason.values());
        assertThat(parsed).as("parsed of %d", tries).isGreaterThan(tries / 10);
    }

    private void check(byte[] datagram, String what) {
        try {
            MediaFrame frame = MediaFrame.parse(datagram);
            parsed++;
            assertThat(frame.encode()).as(what).isEqualTo(datagram);
        } catch (MalformedMediaException e) {
            refusals.merge(e.reason(), 1, Integer::sum);
        } catch (RuntimeException e) {
            fail(what + " threw " + e, e);
        }
    }
}
