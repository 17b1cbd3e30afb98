package io.ngisec.protocol.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SplitKeysTest {

    @Test
    void holdsCopiesAndZeroesThemOnDestroy() {
        byte[] a = filled(1);
        byte[] b = filled(2);
        SplitKeys keys = new SplitKeys(a, b);
        a[0] = 9;
        keys.initiatorToResponder()[1] = 9;

        assertThat(keys.initiatorToResponder()).isEqualTo(filled(1));
        assertThat(keys.responderToInitiator()).isEqualTo(filled(2));

        keys.destroy();

        assertThat(keys.initiatorToResponder()).isEqualTo(new byte[32]);
        assertThat(keys.responderToInitiator()).isEqualTo(new byte[32]);
    }

    @Test
    void neverPrintsItsKeys() {
        assertThat(new SplitKeys(filled(0x41), filled(0x42)).toString()).doesNotContain("65").isEqualTo("SplitKeys[redacted]");
    }

    @Test
    void keysAre32Bytes() {
        assertThatThrownBy(() -> new SplitKeys(new byte[16], new byte[32])).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] filled(int value) {
        byte[] b = new byte[32];
        Arrays.fill(b, (byte) value);
        return b;
    }
}
