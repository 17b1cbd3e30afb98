package io.ngisec.protocol.channel.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.ngisec.protocol.fuzz.FuzzInputs;
import java.nio.ByteBuffer;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bounded fuzzing of {@link FrameCodec#decodeAll}: 200,000 random, mutated and edited payloads
 * from a seeded {@link FuzzInputs}. Only {@link FrameException} escapes; the buffer's position moves
 * only on success; and a payload that parses is exactly the encoding of what it parses to (one
 * encoding per frame). Tallies show the inputs reach every refusal.
 */
class FrameCodecFuzzTest {

    private final Map<FrameException.Reason, Integer> refusals = new EnumMap<>(FrameException.Reason.class);
    private int parsed;

    @Test
    void randomPayloadsParseOrFailTyped() {
        FuzzInputs inputs = new FuzzInputs("frame decode random");
        for (int i = 0; i < 50_000; i++) {
            byte[] payload = inputs.randomBytes(64);
            if (payload.length > 0 && inputs.random().nextBoolean()) {
                // A known type byte, so the fuzz gets past the first check more often.
                payload[0] = (byte) inputs.oneOf(FrameType.class).code();
            }
            check(payload, inputs.describe(i, payload));
        }
        assertThat(refusals).as(refusals.toString()).containsKeys(
                FrameException.Reason.TRUNCATED, FrameException.Reason.UNKNOWN_TYPE, FrameException.Reason.NON_CANONICAL);
    }

    @Test
    void mutatedAndEditedPayloadsParseOrFailTyped() {
        FuzzInputs inputs = new FuzzInputs("frame decode mutated");
        RandomFrames random = new RandomFrames(inputs);
        int tries = 150_000;
        for (int i = 0; i < tries; i++) {
            List<Frame> frames = random.frames();
            byte[] genuine = FrameCodecTest.encode(frames);
            byte[] payload = switch (inputs.random().nextInt(3)) {
                case 0 -> inputs.next(genuine, 64);
                case 1 -> inputs.mutate(genuine);
                default -> inputs.edit(genuine);
            };
            check(payload, inputs.describe(i, payload));
        }
        assertThat(refusals).as(refusals.toString()).containsKeys(FrameException.Reason.values());
        assertThat(parsed).as("parsed of %d", tries).isGreaterThan(tries / 20);
    }

    private void check(byte[] payload, String what) {
        // The payload sits inside a larger buffer: one byte before, garbage after the limit.
        ByteBuffer buf = ByteBuffer.allocate(payload.length + 9);
        buf.put((byte) 0x13).put(payload).put(new byte[] {(byte) 0x40, 1, 2, 3, 4, 5, 6, 7});
        buf.position(1).limit(1 + payload.length);
        try {
            List<Frame> frames = FrameCodec.decodeAll(buf);
            parsed++;
            assertThat(buf.position()).as(what).isEqualTo(1 + payload.length);
            assertThat(FrameCodecTest.encode(frames)).as("re-encoding of %s: %s", frames, what).isEqualTo(payload);
        } catch (FrameException e) {
            refusals.merge(e.reason(), 1, Integer::sum);
            assertThat(buf.position()).as(what).isEqualTo(1);
        } catch (RuntimeException e) {
            fail("escaped " + e + ": " + what, e);
        }
    }
}
