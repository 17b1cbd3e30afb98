package io.ngisec.protocol.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class HashFunctionTest {

    private static final byte[] ABC = "abc".getBytes(StandardCharsets.US_ASCII);

    // Known answers for "abc": FIPS 180-2 and RFC 7693 appendices.
    @ParameterizedTest
    @CsvSource({
        "SHA256, ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        "SHA512, ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
        "BLAKE2S, 508c5e8c327c14e2e1a72ba34eeb452f37458b209ed63a294d999b4c86675982",
        "BLAKE2B, ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923"
    })
    void hashesMatchTheirStandards(HashFunction hash, String expected) {
        assertThat(HexFormat.of().formatHex(hash.hash(ABC))).isEqualTo(expected);
        assertThat(hash.hash(ABC)).hasSize(hash.hashLength());
    }

    @Test
    void hashOfPartsIsHashOfTheirConcatenation() {
        assertThat(HashFunction.BLAKE2S.hash("a".getBytes(StandardCharsets.US_ASCII), "bc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(HashFunction.BLAKE2S.hash(ABC));
    }

    // RFC 4231, test case 2.
    @Test
    void hmacSha256MatchesRfc4231() {
        byte[] mac = HashFunction.SHA256.hmac("Jefe".getBytes(StandardCharsets.US_ASCII),
                "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII));

        assertThat(HexFormat.of().formatHex(mac)).isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @ParameterizedTest
    @EnumSource(HashFunction.class)
    void hkdfChainsItsOutputsAsSection43Says(HashFunction hash) {
        byte[] ck = hash.hash(ABC);
        byte[] ikm = "input".getBytes(StandardCharsets.US_ASCII);

        byte[][] three = hash.hkdf(ck, ikm, 3);
        byte[] tempKey = hash.hmac(ck, ikm);

        assertThat(three[0]).isEqualTo(hash.hmac(tempKey, new byte[] {1}));
        assertThat(three[1]).isEqualTo(hash.hmac(tempKey, three[0], new byte[] {2}));
        assertThat(three[2]).isEqualTo(hash.hmac(tempKey, three[1], new byte[] {3}));
        assertThat(hash.hkdf(ck, ikm, 2)).isDeepEqualTo(new byte[][] {three[0], three[1]});
    }

    @Test
    void hkdfGivesTwoOrThreeOutputs() {
        assertThatThrownBy(() -> HashFunction.SHA256.hkdf(new byte[32], new byte[0], 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HashFunction.SHA256.hkdf(new byte[32], new byte[0], 4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesAreTheSpecificationsSpelling() {
        assertThat(HashFunction.fromNoiseName("BLAKE2s")).contains(HashFunction.BLAKE2S);
        assertThat(HashFunction.fromNoiseName("blake2s")).isEmpty();
        assertThat(CipherFunction.fromNoiseName("ChaChaPoly")).contains(CipherFunction.CHACHAPOLY);
        assertThat(DhFunction.fromNoiseName("25519")).contains(DhFunction.X25519);
        assertThat(DhFunction.fromNoiseName("448")).isEmpty();
    }
}
