package io.ngisec.protocol.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bounded fuzzing of {@link HandshakeState#readMessage}: random and mutated XX messages may only
 * be refused with a NoiseException, a mutated authenticated message is never accepted, and
 * refused input leaves the state able to accept the genuine message. 110,000 inputs in all, from
 * a fixed seed so a failure can be replayed (override with -Dngisec.fuzz.seed=N).
 */
class HandshakeFuzzTest {

    private static final long SEED = Long.getLong("ngisec.fuzz.seed", 0x5EED_2024_0001L);
    private static final byte[] PROLOGUE = "fuzz".getBytes(StandardCharsets.US_ASCII);

    private NoiseProtocol xx;
    private DhKeyPair initiatorStatic;
    private DhKeyPair responderStatic;
    private final SplittableRandom random = new SplittableRandom(SEED);

    @BeforeEach
    void keys() throws NoiseException {
        xx = NoiseProtocol.parse("Noise_XX_25519_AESGCM_SHA256");
        initiatorStatic = DhKeyPair.fromPrivateKey(bytes(32));
        responderStatic = DhKeyPair.fromPrivateKey(bytes(32));
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
                fail("%s: forged input accepted (seed %d, try %d): %s", what, SEED, i, HexFormat.of().formatHex(input));
            }
        }
    }

    /** The payload, or null after counting the refusal; anything but a NoiseException fails the test. */
    private static byte[] read(HandshakeState reader, byte[] input, Map<NoiseException.Reason, Integer> refusals,
            String what, int attempt) {
        try {
            return reader.readMessage(input);
        } catch (NoiseException e) {
            refusals.merge(e.reason(), 1, Integer::sum);
            return null;
        } catch (RuntimeException | Error e) {
            throw new AssertionError(what + ": " + e + " escaped (seed " + SEED + ", try " + attempt + ", "
                    + input.length + " bytes): " + HexFormat.of().formatHex(input, 0, Math.min(input.length, 512)), e);
        }
    }

    /** Random bytes, or the genuine message with bits flipped, cut short, extended or spliced. */
    private byte[] nextInput(byte[] genuine) {
        byte[] out = genuine.clone();
        switch (random.nextInt(8)) {
            case 0 -> out = bytes(random.nextInt(160));
            case 1 -> out = bytes(random.nextInt(100) == 0 ? 65_536 + random.nextInt(16) : random.nextInt(2_000));
            case 2 -> out = Arrays.copyOf(out, random.nextInt(out.length));
            case 3 -> {
                out = Arrays.copyOf(out, out.length + 1 + random.nextInt(64));
                fill(out, genuine.length);
            }
            case 4 -> {
                int cut = random.nextInt(out.length);
                fill(out, cut);
            }
            default -> {
                for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                    out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
                }
            }
        }
        return out;
    }

    private byte[] bytes(int length) {
        byte[] b = new byte[length];
        fill(b, 0);
        return b;
    }

    private void fill(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            b[i] = (byte) random.nextInt(256);
        }
    }

    private HandshakeState newInitiator() throws NoiseException {
        return build(true, initiatorStatic);
    }

    private HandshakeState newResponder() throws NoiseException {
        return build(false, responderStatic);
    }

    private HandshakeState build(boolean initiator, DhKeyPair staticKey) throws NoiseException {
        return HandshakeState.builder(xx, initiator).prologue(PROLOGUE).localStatic(staticKey)
                .fixedEphemeral(DhKeyPair.fromPrivateKey(bytes(32))).build();
    }
}
