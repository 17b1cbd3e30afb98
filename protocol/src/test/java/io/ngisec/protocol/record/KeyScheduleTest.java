package io.ngisec.protocol.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class KeyScheduleTest {

    private static final byte[] SECRET = SessionPair.payload(32, 5);

    @Test
    void aeadKeyIsHkdfExpandWithTheKeyLabel() throws Exception {
        assertThat(KeySchedule.aeadKey(SECRET)).isEqualTo(expandOneBlock(SECRET, "ngisec key"));
    }

    @Test
    void nextSecretIsHkdfExpandWithTheKeyUpdateLabel() throws Exception {
        assertThat(KeySchedule.nextSecret(SECRET)).isEqualTo(expandOneBlock(SECRET, "ngisec ku"));
    }

    @Test
    void successivePhasesHaveDistinctKeys() {
        byte[] s1 = KeySchedule.nextSecret(SECRET);
        byte[] s2 = KeySchedule.nextSecret(s1);
        assertThat(KeySchedule.aeadKey(SECRET))
                .isNotEqualTo(KeySchedule.aeadKey(s1))
                .isNotEqualTo(KeySchedule.aeadKey(s2));
        assertThat(s1).isNotEqualTo(s2).isNotEqualTo(SECRET);
    }

    @Test
    void refusesSecretsOfOtherLengths() {
        assertThatThrownBy(() -> KeySchedule.aeadKey(new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeySchedule.nextSecret(new byte[33])).isInstanceOf(IllegalArgumentException.class);
    }

    // RFC 5869 HKDF-Expand for L = HashLen: T(1) = HMAC-Hash(PRK, info || 0x01), computed with the JDK.
    private static byte[] expandOneBlock(byte[] prk, String info) throws Exception {
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(prk, "HmacSHA256"));
        hmac.update(info.getBytes(StandardCharsets.US_ASCII));
        hmac.update((byte) 1);
        return hmac.doFinal();
    }
}
