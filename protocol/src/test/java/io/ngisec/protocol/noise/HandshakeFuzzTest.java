package io.ngisec.protocol.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.ngisec.protocol.fuzz.FuzzInputs;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * Bounded fuzzing of {@link HandshakeState#readMessage}: random and mutated XX messages may only
 * be refused with a NoiseException, a mutated authenticated message is never accepted, and
 * refused input leaves the state able to accept the genuine message. 110,000 inputs in all, from a
 * seeded {@link FuzzInputs} so a failure can be replayed.
 */
class HandshakeFuzzTest {

    private static final byte[] PROLOGUE = "fuzz".getBytes(StandardCharsets.US_ASCII);

    private NoiseProtocol xx;
    private DhKeyPair initiatorStatic;
    private DhKeyPair responderStatic;
    private FuzzInputs inputs;

    @BeforeEach
    void keys(TestInfo test) throws NoiseException {
        inputs = new FuzzInputs("noise " + test.getTestMethod().orElseThrow().getName());
        xx = NoiseProtocol.parse("Noise_XX_25519_AESGCM_SHA256");
        initiatorStatic = DhKeyPair.fromPrivateKey(inputs.bytes(32));
        responderStatic = DhKeyPair.fromPrivateKey(inputs.bytes(32));
    }

    @Test
    void firstMessageOnlyEverFailsWithNoiseException() throws NoiseException {
        byte[] genuine = newInitiator().writeMessage("hello".getBytes(StandardCharsets.US_ASCII));
        Map<NoiseException.Reason, Integer> refusals = new EnumMap<>(NoiseException.Reason.class);

        for (int i = 0; i < 40_000; i++) {
            byte[] input = nextInput(genuine);
            HandshakeState responder = newResponder();
            byte[] payload = read(responder, input, refusals, "message 1", i);
            // Message 1 of XX is unauthenticated: anything of at least 32 bytes is an ephemeral key and a payload.
            if (payload != null) {
                assertThat(payload).isEqualTo(Arrays.copyOfRange(input, 32, input.length));
            }
        }

        assertThat(refusals).containsOnlyKeys(NoiseException.Reason.MALFORMED_MESSAGE, NoiseException.Reason.MESSAGE_TOO_LARGE);
    }

    @Test
    void secondMessageIsNeverForgedAndRefusalsLeaveTheStateIntact() throws NoiseException {
        HandshakeState initiator = newInitiator();
        HandshakeState responder = newResponder();
        responder.readMessage(initiator.writeMessage(new byte[0]));
        byte[] genuine = responder.writeMessage("second".getBytes(StandardCharsets.US_ASCII));
        Map<NoiseException.Reason, Integer> refusals = new EnumMap<>(NoiseException.Reason.class);

        fuzzAuthenticated(initiator, genuine, 40_000, refusals, "message 2");

        assertThat(refusals).containsKeys(NoiseException.Reason.DECRYPT_FAILED, NoiseException.Reason.MALFORMED_MESSAGE);
        assertThat(initiator.readMessage(genuine)).isEqualTo("second".getBytes(StandardCharsets.US_ASCII));
        responder.readMessage(initiator.writeMessage(new byte[0]));
        assertThat(initiator.handshakeHash()).isEqualTo(responder.handshakeHash());
    }

    @Test
    void thirdMessageIsNeverForgedAndRefusalsLeaveTheStateIntact() throws NoiseException {
        HandshakeState initiator = newInitiator();
        HandshakeState responder = newResponder();
        responder.readMessage(initiator.writeMessage(new byte[0]));
        initiator.readMessage(responder.writeMessage(new byte[0]));
        byte[] genuine = initiator.writeMessage("third".getBytes(StandardCharsets.US_ASCII));
        Map<NoiseException.Reason, Integer> refusals = new EnumMap<>(NoiseException.Reason.class);

        fuzzAuthenticated(responder, genuine, 30_000, refusals, "message 3");

        assertThat(refusals).containsKeys(NoiseException.Reason.DECRYPT_FAILED, NoiseException.Reason.MALFORMED_MESSAGE);
        assertThat(responder.readMessage(genuine)).isEqualTo("third".getBytes(StandardCharsets.US_ASCII));
        assertThat(responder.remoteStaticPublicKey()).isEqualTo(initiatorStatic.publicKey());
        assertThat(responder.handshakeHash()).isEqualTo(initiator.handshakeHash());
    }

    private void fuzzAuthenticated(HandshakeState reader, byte[] genuine, int tries,
            Map<NoiseException.Reason, Integer> refusals, String what) {
        for (int i = 0; i < tries; i++) {
            byte[] input = nextInput(genuine);
            if (Arrays.equals(input, genuine)) {
                continue;
            }
            if (read(reader, input, refusals, what, i) != null) {
                fail("%s: forged input accepted: %s", what, inputs.describe(i, input));
            }
        }
    }

    /** The payload, or null after counting the refusal; anything but a NoiseException fails the test. */
    private byte[] read(HandshakeState reader, byte[] input, Map<NoiseException.Reason, Integer> refusals,
            String what, int attempt) {
        try {
            return reader.readMessage(input);
        } catch (NoiseException e) {
            refusals.merge(e.reason(), 1, Integer::sum);
            return null;
        } catch (RuntimeException | Error e) {
            throw new AssertionError(what + ": " + e + " escaped: " + inputs.describe(attempt, input), e);
        }
    }

    /**
     * Like {@link FuzzInputs#next}, with random inputs short (under 160 bytes) or long (under 2,000)
     * alike, and one in 800 just over the Noise message limit.
     */
    private byte[] nextInput(byte[] genuine) {
        if (inputs.random().nextInt(800) == 0) {
            return inputs.bytes(NoiseConstants.MAX_MESSAGE_LENGTH + 1 + inputs.random().nextInt(16));
        }
        return inputs.next(genuine, inputs.random().nextBoolean() ? 159 : 1_999);
    }

    private HandshakeState newInitiator() throws NoiseException {
        return build(true, initiatorStatic);
    }

    private HandshakeState newResponder() throws NoiseException {
        return build(false, responderStatic);
    }

    private HandshakeState build(boolean initiator, DhKeyPair staticKey) throws NoiseException {
        return HandshakeState.builder(xx, initiator).prologue(PROLOGUE).localStatic(staticKey)
                .fixedEphemeral(DhKeyPair.fromPrivateKey(inputs.bytes(32))).build();
    }
}
