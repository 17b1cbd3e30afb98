package io.ngisec.protocol.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CipherStateTest {

    private static final byte[] KEY = filled(32, 7);
    private static final byte[] AD = "header".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TEXT = "hello".getBytes(StandardCharsets.US_ASCII);

    @Test
    void withoutKeyEncryptionIsTheIdentityAndTheNonceStays() throws NoiseException {
        CipherState empty = new CipherState(CipherFunction.AESGCM, null);

        assertThat(empty.hasKey()).isFalse();
        assertThat(empty.encryptWithAd(AD, TEXT)).isEqualTo(TEXT);
        assertThat(empty.decryptWithAd(AD, TEXT)).isEqualTo(TEXT);
        assertThat(empty.nonce()).isZero();
    }

    @ParameterizedTest
    @EnumSource(CipherFunction.class)
    void roundTripAddsATagAndAdvancesTheNonce(CipherFunction cipher) throws NoiseException {
        CipherState sender = new CipherState(cipher, KEY);
        CipherState receiver = new CipherState(cipher, KEY);

        byte[] first = sender.encryptWithAd(AD, TEXT);
        byte[] second = sender.encryptWithAd(AD, TEXT);

        assertThat(first).hasSize(TEXT.length + NoiseConstants.TAG_LENGTH);
        assertThat(second).isNotEqualTo(first);
        assertThat(sender.nonce()).isEqualTo(2);
        assertThat(receiver.decryptWithAd(AD, first)).isEqualTo(TEXT);
        assertThat(receiver.decryptWithAd(AD, second)).isEqualTo(TEXT);
    }

    @ParameterizedTest
    @EnumSource(CipherFunction.class)
    void failedDecryptionLeavesTheNonceUnchanged(CipherFunction cipher) throws NoiseException {
        CipherState sender = new CipherState(cipher, KEY);
        CipherState receiver = new CipherState(cipher, KEY);
        byte[] sealed = sender.encryptWithAd(AD, TEXT);
        byte[] tampered = sealed.clone();
        tampered[0] ^= 1;

        assertThatThrownBy(() -> receiver.decryptWithAd(AD, tampered))
                .isInstanceOf(NoiseException.class)
                .extracting(e -> ((NoiseException) e).reason()).isEqualTo(NoiseException.Reason.DECRYPT_FAILED);
        assertThat(receiver.nonce()).isZero();
        assertThat(receiver.decryptWithAd(AD, sealed)).isEqualTo(TEXT);
    }

    @Test
    void wrongAssociatedDataFailsToDecrypt() throws NoiseException {
        byte[] sealed = new CipherState(CipherFunction.CHACHAPOLY, KEY).encryptWithAd(AD, TEXT);

        assertReason(() -> new CipherState(CipherFunction.CHACHAPOLY, KEY).decryptWithAd(new byte[0], sealed),
                NoiseException.Reason.DECRYPT_FAILED);
    }

    @Test
    void explicitNoncesLetMessagesArriveOutOfOrder() throws NoiseException {
        CipherState sender = new CipherState(CipherFunction.AESGCM, KEY);
        byte[] first = sender.encryptWithAd(AD, TEXT);
        byte[] second = sender.encryptWithAd(AD, TEXT);
        CipherState receiver = new CipherState(CipherFunction.AESGCM, KEY);

        receiver.setNonce(1);
        assertThat(receiver.decryptWithAd(AD, second)).isEqualTo(TEXT);
        receiver.setNonce(0);
        assertThat(receiver.decryptWithAd(AD, first)).isEqualTo(TEXT);
    }

    @ParameterizedTest
    @EnumSource(CipherFunction.class)
    void theLastUsableNonceIsTwoToTheSixtyFourMinusTwo(CipherFunction cipher) throws NoiseException {
        CipherState sender = new CipherState(cipher, KEY);
        CipherState receiver = new CipherState(cipher, KEY);
        sender.setNonce(NoiseConstants.MAX_NONCE - 1);
        receiver.setNonce(NoiseConstants.MAX_NONCE - 1);

        byte[] last = sender.encryptWithAd(AD, TEXT);
        assertThat(receiver.decryptWithAd(AD, last)).isEqualTo(TEXT);

        assertThat(sender.nonce()).isEqualTo(NoiseConstants.MAX_NONCE);
        assertReason(() -> sender.encryptWithAd(AD, TEXT), NoiseException.Reason.NONCE_EXHAUSTED);
        assertReason(() -> receiver.decryptWithAd(AD, last), NoiseException.Reason.NONCE_EXHAUSTED);
    }

    @Test
    void messagesAreLimitedTo65535BytesIncludingTheTag() throws NoiseException {
        CipherState sender = new CipherState(CipherFunction.AESGCM, KEY);

        assertThat(sender.encryptWithAd(AD, new byte[65535 - 16])).hasSize(65535);
        assertReason(() -> sender.encryptWithAd(AD, new byte[65535 - 15]), NoiseException.Reason.MESSAGE_TOO_LARGE);
        assertReason(() -> new CipherState(CipherFunction.AESGCM, null).encryptWithAd(AD, new byte[65536]),
                NoiseException.Reason.MESSAGE_TOO_LARGE);
        assertReason(() -> sender.decryptWithAd(AD, new byte[65536]), NoiseException.Reason.MESSAGE_TOO_LARGE);
    }

    @Test
    void ciphertextShorterThanATagIsMalformed() {
        assertReason(() -> new CipherState(CipherFunction.AESGCM, KEY).decryptWithAd(AD, new byte[15]),
                NoiseException.Reason.MALFORMED_MESSAGE);
    }

    @Test
    void keysMustBe32Bytes() {
        assertReason(() -> new CipherState(CipherFunction.AESGCM, new byte[16]), NoiseException.Reason.INVALID_KEY);
    }

    @ParameterizedTest
    @EnumSource(CipherFunction.class)
    void rekeyChangesTheKeyButNotTheNonce(CipherFunction cipher) throws NoiseException {
        CipherState sender = new CipherState(cipher, KEY);
        CipherState rekeyedReceiver = new CipherState(cipher, KEY);
        CipherState staleReceiver = new CipherState(cipher, KEY);
        sender.setNonce(5);
        rekeyedReceiver.setNonce(5);
        staleReceiver.setNonce(5);

        sender.rekey();
        rekeyedReceiver.rekey();
        byte[] sealed = sender.encryptWithAd(AD, TEXT);

        assertThat(sender.nonce()).isEqualTo(6);
        assertThat(rekeyedReceiver.decryptWithAd(AD, sealed)).isEqualTo(TEXT);
        assertReason(() -> staleReceiver.decryptWithAd(AD, sealed), NoiseException.Reason.DECRYPT_FAILED);
    }

    @Test
    void rekeyNeedsAKey() {
        assertReason(() -> new CipherState(CipherFunction.AESGCM, null).rekey(), NoiseException.Reason.WRONG_STATE);
    }

    @Test
    void theKeyArgumentIsCopied() throws NoiseException {
        byte[] key = KEY.clone();
        CipherState sender = new CipherState(CipherFunction.AESGCM, key);
        Arrays.fill(key, (byte) 0);

        byte[] sealed = sender.encryptWithAd(AD, TEXT);

        assertThat(new CipherState(CipherFunction.AESGCM, KEY).decryptWithAd(AD, sealed)).isEqualTo(TEXT);
    }

    @Test
    void aDestroyedStateRefusesToWork() throws NoiseException {
        CipherState state = new CipherState(CipherFunction.AESGCM, KEY);

        state.destroy();

        assertThat(state.isDestroyed()).isTrue();
        assertThatThrownBy(() -> state.encryptWithAd(AD, TEXT)).isInstanceOf(IllegalStateException.class);
    }

    static void assertReason(ThrowingCall call, NoiseException.Reason reason) {
        assertThatThrownBy(call::run)
                .isInstanceOf(NoiseException.class)
                .extracting(e -> ((NoiseException) e).reason()).isEqualTo(reason);
    }

    /** A call that may throw, for {@link #assertReason}. */
    @FunctionalInterface
    interface ThrowingCall {
        void run() throws Exception;
    }

    private static byte[] filled(int length, int value) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }
}
