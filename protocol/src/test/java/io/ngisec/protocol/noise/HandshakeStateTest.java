package io.ngisec.protocol.noise;

import static io.ngisec.protocol.noise.CipherStateTest.assertReason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class HandshakeStateTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] PROLOGUE = "ngisec test".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NO_AD = new byte[0];

    private final DhKeyPair alice = DhKeyPair.generate(RANDOM);
    private final DhKeyPair bob = DhKeyPair.generate(RANDOM);

    @Test
    void xxRoundTripCarriesPayloadsAndAgreesOnEverything() throws NoiseException {
        NoiseProtocol xx = NoiseProtocol.parse("Noise_XX_25519_AESGCM_SHA256");
        HandshakeState initiator = HandshakeState.create(xx, true, PROLOGUE, alice, null);
        HandshakeState responder = HandshakeState.create(xx, false, PROLOGUE, bob, null);

        assertThat(initiator.isWriteTurn()).isTrue();
        assertThat(responder.isWriteTurn()).isFalse();
        assertThat(responder.readMessage(initiator.writeMessage(bytes("one")))).isEqualTo(bytes("one"));
        byte[] second = responder.writeMessage(bytes("two"));
        assertThat(second).hasSize(32 + 48 + 3 + 16);
        assertThat(initiator.readMessage(second)).isEqualTo(bytes("two"));
        assertThat(initiator.remoteStaticPublicKey()).isEqualTo(bob.publicKey());
        assertThat(responder.remoteStaticPublicKey()).isNull();
        assertThat(responder.readMessage(initiator.writeMessage(bytes("three")))).isEqualTo(bytes("three"));

        assertThat(initiator.isComplete()).isTrue();
        assertThat(responder.isComplete()).isTrue();
        assertThat(responder.remoteStaticPublicKey()).isEqualTo(alice.publicKey());
        assertThat(initiator.handshakeHash()).hasSize(32).isEqualTo(responder.handshakeHash());

        SplitKeys initiatorKeys = initiator.split();
        SplitKeys responderKeys = responder.split();
        assertThat(initiatorKeys).isEqualTo(responderKeys);
        assertThat(initiatorKeys.initiatorToResponder()).isNotEqualTo(initiatorKeys.responderToInitiator());
    }

    @Test
    void splitCiphersCarryTransportMessagesBothWays() throws NoiseException {
        HandshakeState[] pair = completedXx("Noise_XX_25519_ChaChaPoly_BLAKE2s");
        CipherStatePair initiator = pair[0].splitCiphers();
        CipherStatePair responder = pair[1].splitCiphers();

        byte[] toResponder = initiator.sender().encryptWithAd(NO_AD, bytes("ping"));
        byte[] toInitiator = responder.sender().encryptWithAd(NO_AD, bytes("pong"));

        assertThat(responder.receiver().decryptWithAd(NO_AD, toResponder)).isEqualTo(bytes("ping"));
        assertThat(initiator.receiver().decryptWithAd(NO_AD, toInitiator)).isEqualTo(bytes("pong"));
        assertReason(() -> initiator.receiver().decryptWithAd(NO_AD, toResponder), NoiseException.Reason.DECRYPT_FAILED);
    }

    @Test
    void tamperedMessageFailsToDecryptAndTheGenuineOneIsStillAccepted() throws NoiseException {
        NoiseProtocol xx = NoiseProtocol.parse("Noise_XX_25519_AESGCM_SHA256");
        HandshakeState initiator = HandshakeState.create(xx, true, PROLOGUE, alice, null);
        HandshakeState responder = HandshakeState.create(xx, false, PROLOGUE, bob, null);
        responder.readMessage(initiator.writeMessage(new byte[0]));
        byte[] second = responder.writeMessage(bytes("payload"));
        byte[] hashBefore = initiator.handshakeHash();

        for (int position : new int[] {40, second.length - 1}) {
            byte[] tampered = second.clone();
            tampered[position] ^= 0x20;
            assertReason(() -> initiator.readMessage(tampered), NoiseException.Reason.DECRYPT_FAILED);
        }

        assertThat(initiator.handshakeHash()).isEqualTo(hashBefore);
        assertThat(initiator.remoteStaticPublicKey()).isNull();
        assertThat(initiator.readMessage(second)).isEqualTo(bytes("payload"));
    }

    @Test
    void truncatedMessagesAreMalformed() throws NoiseException {
        NoiseProtocol xx = NoiseProtocol.parse("Noise_XX_25519_AESGCM_SHA256");
        HandshakeState initiator = HandshakeState.create(xx, true, PROLOGUE, alice, null);
        HandshakeState responder = HandshakeState.create(xx, false, PROLOGUE, bob, null);
        byte[] first = initiator.writeMessage(new byte[0]);

        assertReason(() -> responder.readMessage(Arrays.copyOf(first, 31)), NoiseException.Reason.MALFORMED_MESSAGE);
        responder.readMessage(first);
        byte[] second = responder.writeMessage(new byte[0]);
        // e (32), then the encrypted s (48) is cut short, then only part of the payload tag is left.
        assertReason(() -> initiator.readMessage(Arrays.copyOf(second, 60)), NoiseException.Reason.MALFORMED_MESSAGE);
        assertReason(() -> initiator.readMessage(Arrays.copyOf(second, 32 + 48 + 10)), NoiseException.Reason.MALFORMED_MESSAGE);
    }

    @Test
    void messagesOutOfTurnAreWrongState() throws NoiseException {
        NoiseProtocol nn = NoiseProtocol.parse("Noise_NN_25519_AESGCM_SHA256");
        HandshakeState initiator = HandshakeState.create(nn, true, PROLOGUE, null, null);
        HandshakeState responder = HandshakeState.create(nn, false, PROLOGUE, null, null);

        assertReason(() -> responder.writeMessage(new byte[0]), NoiseException.Reason.WRONG_STATE);
        assertReason(() -> initiator.readMessage(new byte[64]), NoiseException.Reason.WRONG_STATE);
        assertReason(initiator::split, NoiseException.Reason.WRONG_STATE);

        responder.readMessage(initiator.writeMessage(new byte[0]));
        initiator.readMessage(responder.writeMessage(new byte[0]));

        assertReason(() -> initiator.writeMessage(new byte[0]), NoiseException.Reason.WRONG_STATE);
        assertReason(() -> responder.readMessage(new byte[64]), NoiseException.Reason.WRONG_STATE);
        initiator.split();
        assertReason(initiator::split, NoiseException.Reason.WRONG_STATE);
        assertThat(initiator.handshakeHash()).isEqualTo(responder.handshakeHash());
    }

    @Test
    void aDifferentPrologueBreaksTheHandshake() throws NoiseException {
        NoiseProtocol nn = NoiseProtocol.parse("Noise_NN_25519_AESGCM_SHA256");
        HandshakeState initiator = HandshakeState.create(nn, true, PROLOGUE, null, null);
        HandshakeState responder = HandshakeState.create(nn, false, bytes("other"), null, null);

        responder.readMessage(initiator.writeMessage(new byte[0]));
        byte[] second = responder.writeMessage(bytes("x"));

        assertReason(() -> initiator.readMessage(second), NoiseException.Reason.DECRYPT_FAILED);
    }

    @Test
    void nkAuthenticatesTheResponderKeyKnownInAdvance() throws NoiseException {
        NoiseProtocol nk = NoiseProtocol.parse("Noise_NK_25519_ChaChaPoly_SHA512");
        DhKeyPair impostor = DhKeyPair.generate(RANDOM);
        HandshakeState initiator = HandshakeState.create(nk, true, PROLOGUE, null, bob.publicKey());
        HandshakeState responder = HandshakeState.create(nk, false, PROLOGUE, impostor, null);

        byte[] first = initiator.writeMessage(bytes("secret"));

        assertReason(() -> responder.readMessage(first), NoiseException.Reason.DECRYPT_FAILED);
    }

    @Test
    void oneWayPatternLetsOnlyTheInitiatorSend() throws NoiseException {
        NoiseProtocol x = NoiseProtocol.parse("Noise_X_25519_AESGCM_BLAKE2b");
        HandshakeState sender = HandshakeState.create(x, true, PROLOGUE, alice, bob.publicKey());
        HandshakeState recipient = HandshakeState.create(x, false, PROLOGUE, bob, null);

        assertThat(recipient.readMessage(sender.writeMessage(bytes("sealed")))).isEqualTo(bytes("sealed"));

        assertThat(sender.isComplete()).isTrue();
        assertThat(recipient.remoteStaticPublicKey()).isEqualTo(alice.publicKey());
        byte[] transport = sender.splitCiphers().sender().encryptWithAd(NO_AD, bytes("more"));
        assertThat(recipient.splitCiphers().receiver().decryptWithAd(NO_AD, transport)).isEqualTo(bytes("more"));
    }

    @Test
    void keysArePrescribedByThePattern() throws NoiseException {
        NoiseProtocol xx = NoiseProtocol.parse("Noise_XX_25519_AESGCM_SHA256");
        NoiseProtocol nk = NoiseProtocol.parse("Noise_NK_25519_AESGCM_SHA256");
        NoiseProtocol nn = NoiseProtocol.parse("Noise_NN_25519_AESGCM_SHA256");

        assertReason(() -> HandshakeState.create(xx, true, PROLOGUE, null, null), NoiseException.Reason.MISSING_KEY);
        assertReason(() -> HandshakeState.create(nk, true, PROLOGUE, null, null), NoiseException.Reason.MISSING_KEY);
        assertReason(() -> HandshakeState.create(xx, true, PROLOGUE, alice, bob.publicKey()), NoiseException.Reason.UNEXPECTED_KEY);
        assertReason(() -> HandshakeState.create(nn, false, PROLOGUE, bob, null), NoiseException.Reason.UNEXPECTED_KEY);
        assertReason(() -> HandshakeState.create(nk, true, PROLOGUE, null, new byte[31]), NoiseException.Reason.INVALID_KEY);
        assertReason(() -> HandshakeState.builder(NoiseProtocol.parse("Noise_N_25519_AESGCM_SHA256"), false)
                .localStatic(bob).fixedEphemeral(alice).build(), NoiseException.Reason.UNEXPECTED_KEY);
    }

    @Test
    void fixedEphemeralKeysMakeTheHandshakeDeterministic() throws NoiseException {
        NoiseProtocol nn = NoiseProtocol.parse("Noise_NN_25519_AESGCM_SHA256");
        DhKeyPair ephemeral = DhKeyPair.generate(RANDOM);

        byte[] first = HandshakeState.builder(nn, true).fixedEphemeral(ephemeral).build().writeMessage(bytes("p"));
        byte[] again = HandshakeState.builder(nn, true).fixedEphemeral(ephemeral).build().writeMessage(bytes("p"));

        assertThat(first).isEqualTo(again);
        assertThat(Arrays.copyOf(first, 32)).isEqualTo(ephemeral.publicKey());
        assertThat(ephemeral.isDestroyed()).isFalse();
    }

    @Test
    void oversizedPayloadIsRefusedWithoutSpendingTheTurn() throws NoiseException {
        NoiseProtocol nn = NoiseProtocol.parse("Noise_NN_25519_AESGCM_SHA256");
        HandshakeState initiator = HandshakeState.create(nn, true, PROLOGUE, null, null);
        HandshakeState responder = HandshakeState.create(nn, false, PROLOGUE, null, null);

        assertReason(() -> initiator.writeMessage(new byte[65535 - 31]), NoiseException.Reason.MESSAGE_TOO_LARGE);
        assertReason(() -> responder.readMessage(new byte[65536]), NoiseException.Reason.MESSAGE_TOO_LARGE);

        byte[] largest = initiator.writeMessage(new byte[65535 - 32]);
        assertThat(largest).hasSize(65535);
        assertThat(responder.readMessage(largest)).hasSize(65535 - 32);
    }

    @Test
    void lowOrderEphemeralFromThePeerIsRefused() throws NoiseException {
        NoiseProtocol nn = NoiseProtocol.parse("Noise_NN_25519_AESGCM_SHA256");
        HandshakeState initiator = HandshakeState.create(nn, true, PROLOGUE, null, null);
        initiator.writeMessage(new byte[0]);

        assertReason(() -> initiator.readMessage(new byte[32 + 16]), NoiseException.Reason.DH_FAILED);
    }

    @Test
    void aDestroyedHandshakeRefusesToWork() throws NoiseException {
        HandshakeState initiator = HandshakeState.create(NoiseProtocol.parse("Noise_NN_25519_AESGCM_SHA256"), true, PROLOGUE, null, null);

        initiator.destroy();

        assertThat(initiator.isDestroyed()).isTrue();
        assertThatThrownBy(() -> initiator.writeMessage(new byte[0])).isInstanceOf(IllegalStateException.class);
    }

    private HandshakeState[] completedXx(String name) throws NoiseException {
        NoiseProtocol xx = NoiseProtocol.parse(name);
        HandshakeState initiator = HandshakeState.create(xx, true, PROLOGUE, alice, null);
        HandshakeState responder = HandshakeState.create(xx, false, PROLOGUE, bob, null);
        responder.readMessage(initiator.writeMessage(new byte[0]));
        initiator.readMessage(responder.writeMessage(new byte[0]));
        responder.readMessage(initiator.writeMessage(new byte[0]));
        return new HandshakeState[] {initiator, responder};
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
