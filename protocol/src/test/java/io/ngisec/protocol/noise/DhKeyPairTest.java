package io.ngisec.protocol.noise;

import static io.ngisec.protocol.noise.CipherStateTest.assertReason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class DhKeyPairTest {

    // RFC 7748, section 6.1.
    private static final byte[] ALICE_PRIVATE = hex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
    private static final byte[] ALICE_PUBLIC = hex("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
    private static final byte[] BOB_PRIVATE = hex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");
    private static final byte[] BOB_PUBLIC = hex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
    private static final byte[] SHARED = hex("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");

    @Test
    void matchesRfc7748() throws NoiseException {
        DhKeyPair alice = DhKeyPair.fromPrivateKey(ALICE_PRIVATE);
        DhKeyPair bob = DhKeyPair.fromPrivateKey(BOB_PRIVATE);

        assertThat(alice.publicKey()).isEqualTo(ALICE_PUBLIC);
        assertThat(bob.publicKey()).isEqualTo(BOB_PUBLIC);
        assertThat(alice.agree(BOB_PUBLIC)).isEqualTo(SHARED);
        assertThat(bob.agree(ALICE_PUBLIC)).isEqualTo(SHARED);
    }

    @Test
    void generatedPairsAgree() throws NoiseException {
        SecureRandom random = new SecureRandom();
        DhKeyPair a = DhKeyPair.generate(random);
        DhKeyPair b = DhKeyPair.generate(random);

        assertThat(a.agree(b.publicKey())).isEqualTo(b.agree(a.publicKey()));
        assertThat(a.publicKey()).isNotEqualTo(b.publicKey());
    }

    @Test
    void accessorsReturnCopies() throws NoiseException {
        DhKeyPair alice = DhKeyPair.fromPrivateKey(ALICE_PRIVATE);

        alice.publicKey()[0] ^= 1;
        alice.privateKey()[0] ^= 1;

        assertThat(alice.publicKey()).isEqualTo(ALICE_PUBLIC);
        assertThat(alice.privateKey()).isEqualTo(ALICE_PRIVATE);
    }

    @Test
    void lowOrderPublicKeysAreRefused() throws NoiseException {
        assertReason(() -> DhKeyPair.fromPrivateKey(ALICE_PRIVATE).agree(new byte[32]), NoiseException.Reason.DH_FAILED);
    }

    @Test
    void keysOfTheWrongLengthAreRefused() throws NoiseException {
        assertReason(() -> DhKeyPair.fromPrivateKey(new byte[31]), NoiseException.Reason.INVALID_KEY);
        assertReason(() -> DhKeyPair.fromPrivateKey(ALICE_PRIVATE).agree(new byte[33]), NoiseException.Reason.INVALID_KEY);
    }

    @Test
    void destroyZeroesAndDisables() throws NoiseException {
        DhKeyPair alice = DhKeyPair.fromPrivateKey(ALICE_PRIVATE);
        DhKeyPair copy = alice.copy();

        alice.destroy();

        assertThat(alice.isDestroyed()).isTrue();
        assertThatThrownBy(alice::publicKey).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> alice.agree(BOB_PUBLIC)).isInstanceOf(IllegalStateException.class);
        assertThat(copy.agree(BOB_PUBLIC)).isEqualTo(SHARED);
    }

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }
}
