package io.ngisec.protocol.noise;

import static io.ngisec.protocol.noise.CipherStateTest.assertReason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NoiseProtocolTest {

    @Test
    void parsesItsFourParts() throws NoiseException {
        NoiseProtocol p = NoiseProtocol.parse("Noise_XX_25519_AESGCM_SHA256");

        assertThat(p.name()).isEqualTo("Noise_XX_25519_AESGCM_SHA256");
        assertThat(p.pattern().name()).isEqualTo("XX");
        assertThat(p.dh()).isEqualTo(DhFunction.X25519);
        assertThat(p.cipher()).isEqualTo(CipherFunction.AESGCM);
        assertThat(p.hash()).isEqualTo(HashFunction.SHA256);
    }

    @Test
    void parsesEveryCombinationOfCataloguedParts() throws NoiseException {
        int parsed = 0;
        for (HandshakePattern pattern : HandshakePatterns.all()) {
            for (CipherFunction cipher : CipherFunction.values()) {
                for (HashFunction hash : HashFunction.values()) {
                    String name = "Noise_" + pattern.name() + "_25519_" + cipher.noiseName() + "_" + hash.noiseName();
                    assertThat(NoiseProtocol.parse(name).pattern()).isSameAs(pattern);
                    parsed++;
                }
            }
        }
        assertThat(parsed).isEqualTo(38 * 2 * 4);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "Noise",
        "garbage",
        "Noise_XX_25519_AESGCM",
        "Noise_XX_25519_AESGCM_SHA256_SHA512",
        "noise_XX_25519_AESGCM_SHA256",
        "Noise__25519_AESGCM_SHA256",
        "Noise_xx_25519_AESGCM_SHA256",
        "Noise_XX_25519_AES GCM_SHA256",
        "Noise_XX_25519__SHA256",
        "Noise_XXpsk0+_25519_AESGCM_SHA256",
        "Noise_XX_25519_AESGCM_SHA256\n"
    })
    void rejectsMalformedNames(String name) {
        assertReason(() -> NoiseProtocol.parse(name), NoiseException.Reason.INVALID_PROTOCOL_NAME);
    }

    @Test
    void rejectsNamesLongerThan255Bytes() {
        assertReason(() -> NoiseProtocol.parse("Noise_XX_25519_AESGCM_SHA256" + "0".repeat(230)),
                NoiseException.Reason.INVALID_PROTOCOL_NAME);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Noise_XX_448_AESGCM_SHA256",
        "Noise_XXpsk0_25519_AESGCM_SHA256",
        "Noise_NNpsk0+psk2_25519_ChaChaPoly_BLAKE2s",
        "Noise_XXfallback_25519_AESGCM_SHA256",
        "Noise_ZZ_25519_AESGCM_SHA256",
        "Noise_XX_25519_AESGCM_SHA3",
        "Noise_XX_25519_AES256GCM_SHA256",
        "Noise_XXhfs_25519+Kyber1024_ChaChaPoly_BLAKE2b"
    })
    void reportsWellFormedNamesOfUnimplementedPartsAsUnsupported(String name) {
        assertReason(() -> NoiseProtocol.parse(name), NoiseException.Reason.UNSUPPORTED_PROTOCOL);
    }

    @Test
    void aProtocolsNameMustMatchItsParts() throws NoiseException {
        HandshakePattern xx = HandshakePatterns.named("XX").orElseThrow();

        assertThatThrownBy(() -> new NoiseProtocol("Noise_XX_25519_AESGCM_SHA512", xx, DhFunction.X25519,
                CipherFunction.AESGCM, HashFunction.SHA256)).isInstanceOf(IllegalArgumentException.class);
    }
}
