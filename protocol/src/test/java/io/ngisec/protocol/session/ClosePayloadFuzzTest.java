package io.ngisec.protocol.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.ngisec.protocol.fuzz.FuzzInputs;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Bounded fuzzing of {@link ClosePayload#decode}: 100,000 random, mutated and edited payloads from
 * a seeded {@link FuzzInputs}. Nothing escapes, the payload is always consumed, nothing outside it
 * is read, and a payload that decodes is exactly the encoding of what it decodes to.
 */
class ClosePayloadFuzzTest {

    private int decoded;

    @Test
    void randomAndMutatedPayloadsDecodeToTheirOneEncodingOrToNothing() {
        FuzzInputs inputs = new FuzzInputs("close payload");
        int tries = 100_000;
        for (int i = 0; i < tries; i++) {
            byte[] genuine = ClosePayloadTest.encode(randomReason(inputs));
            byte[] payload = switch (inputs.random().nextInt(4)) {
                case 0 -> inputs.randomBytes(LifecycleConstants.MAX_CLOSE_PAYLOAD_BYTES + 8);
                case 1 -> inputs.mutate(genuine);
                case 2 -> inputs.edit(genuine);
                default -> genuine;
            };
            check(payload, inputs.describe(i, payload));
        }
        assertThat(decoded).as("decoded of %d", tries).isBetween(tries / 4, tries - tries / 10);
    }

    private static CloseReason randomReason(FuzzInputs inputs) {
        int length = inputs.intBetween(0, 40);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            // Mostly ASCII, some two-, three- and four-byte characters.
            int kind = inputs.random().nextInt(8);
            text.appendCodePoint(switch (kind) {
                case 0 -> 0x80 + inputs.random().nextInt(0x780);
                case 1 -> 0x800 + inputs.random().nextInt(0xd000 - 0x800);
                case 2 -> 0x10000 + inputs.random().nextInt(0x1000);
                default -> 0x20 + inputs.random().nextInt(0x5f);
            });
        }
        String reason = text.toString();
        while (ClosePayload.utf8(reason).length > LifecycleConstants.MAX_CLOSE_REASON_BYTES) {
            reason = reason.substring(0, reason.offsetByCodePoints(reason.length(), -1));
        }
        return switch (inputs.random().nextInt(3)) {
            case 0 -> new CloseReason(CloseCode.NO_ERROR, 0, reason);
            case 1 -> CloseReason.protocolViolation(reason);
            default -> CloseReason.application(inputs.longBetween(0, (1L << 62) - 1), reason);
        };
    }

    private void check(byte[] payload, String what) {
        // The payload sits inside a larger buffer: one byte before, garbage after the limit.
        ByteBuffer buf = ByteBuffer.allocate(payload.length + 9);
        buf.put((byte) 0x13).put(payload).put(new byte[] {(byte) 0x40, 1, 2, 3, 4, 5, 6, 7});
        buf.position(1).limit(1 + payload.length);
        try {
            Optional<CloseReason> reason = ClosePayload.decode(buf);
            assertThat(buf.position()).as(what).isEqualTo(1 + payload.length);
            if (reason.isPresent()) {
                decoded++;
                assertThat(ClosePayloadTest.encode(reason.get())).as("re-encoding of %s: %s", reason.get(), what)
                        .isEqualTo(payload);
            }
        } catch (RuntimeException e) {
            fail("escaped " + e + ": " + what, e);
        }
    }
}
