package io.ngisec.client.netcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.ngisec.protocol.fuzz.FuzzInputs;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bounded fuzzing of the STUN parser and the attribute readers on what a server (or anyone on the
 * path) could send: 100,000 random, mutated and edited datagrams from a seeded {@link FuzzInputs}.
 * Only {@link StunFormatException} escapes, and what parses re-encodes to the same length.
 */
class StunMessageFuzzTest {

    private static final List<byte[]> GENUINE = List.of(Rfc5769Vectors.REQUEST, Rfc5769Vectors.IPV4_RESPONSE,
            Rfc5769Vectors.IPV6_RESPONSE, Rfc5769Vectors.LONG_TERM_REQUEST);

    private final Map<StunFormatException.Reason, Integer> refusals = new EnumMap<>(StunFormatException.Reason.class);
    private int parsed;

    @Test
    void randomDatagramsParseOrFailTyped() {
        FuzzInputs inputs = new FuzzInputs("stun parse random");
        for (int i = 0; i < 30_000; i++) {
            byte[] datagram = inputs.randomBytes(96);
            if (datagram.length >= 8 && inputs.random().nextBoolean()) {
                // The magic cookie, so the fuzz gets past the header more often.
                datagram[0] &= 0x3F;
                datagram[4] = 0x21;
                datagram[5] = 0x12;
                datagram[6] = (byte) 0xA4;
                datagram[7] = 0x42;
            }
            check(datagram, inputs.describe(i, datagram));
        }
        assertThat(refusals).as(refusals.toString()).containsKeys(StunFormatException.Reason.TRUNCATED,
                StunFormatException.Reason.NOT_STUN, StunFormatException.Reason.BAD_LENGTH);
    }

    @Test
    void mutatedAndEditedSamplesParseOrFailTyped() {
        FuzzInputs inputs = new FuzzInputs("stun parse mutated");
        int tries = 70_000;
        for (int i = 0; i < tries; i++) {
            byte[] genuine = GENUINE.get(inputs.random().nextInt(GENUINE.size()));
            byte[] datagram = switch (inputs.random().nextInt(3)) {
                case 0 -> inputs.next(genuine, 64);
                case 1 -> inputs.mutate(genuine);
                default -> inputs.edit(genuine);
            };
            check(datagram, inputs.describe(i, datagram));
        }
        assertThat(refusals).as(refusals.toString()).containsKeys(StunFormatException.Reason.values());
        assertThat(parsed).as("parsed of %d", tries).isGreaterThan(tries / 20);
    }

    private void check(byte[] datagram, String what) {
        try {
            StunMessage m = StunMessage.parse(datagram, datagram.length);
            parsed++;
            assertThat(m.encode()).as(what).hasSize(datagram.length);
            StunIntegrity.verify(m, datagram, new byte[] {1});
            StunIntegrity.verifyFingerprint(m, datagram);
            // Reading the attributes may refuse them, but with the codec's exception only.
            StunAddress.mapped(m);
            StunErrorCode.of(m);
            m.attribute(Stun.XOR_RELAYED_ADDRESS).ifPresent(v -> decodeQuietly(v, m));
        } catch (StunFormatException e) {
            refusals.merge(e.reason(), 1, Integer::sum);
        } catch (RuntimeException e) {
            fail(what + " threw " + e, e);
        }
    }

    private void decodeQuietly(byte[] value, StunMessage m) {
        try {
            StunAddress.decode(value, true, m.transactionId());
        } catch (StunFormatException e) {
            refusals.merge(e.reason(), 1, Integer::sum);
        }
    }
}
