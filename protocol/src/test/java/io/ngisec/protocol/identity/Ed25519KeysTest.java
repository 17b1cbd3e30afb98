package io.ngisec.protocol.identity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class Ed25519KeysTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void fastSignatureIsTheJdksSignature() {
        for (int i = 0; i < 50; i++) {
            KeyPair keys = Ed25519Keys.generate(RANDOM);
            byte[] context = new byte[i % 3 * 7];
            byte[] message = new byte[i * 13];
            RANDOM.nextBytes(context);
            RANDOM.nextBytes(message);

            byte[] fast = Ed25519Keys.sign(Ed25519Keys.seed(keys.getPrivate()), Ed25519Keys.raw(keys.getPublic()),
                    context, message);

            assertArrayEquals(Ed25519Keys.sign(keys.getPrivate(), context, message), fast);
            assertTrue(Ed25519Keys.verify(keys.getPublic(), context, message, fast));
        }
    }

    @Test
    void seedRefusesOtherKeys() throws Exception {
        KeyPair x25519 = KeyPairGenerator.getInstance("X25519").generateKeyPair();
        assertThrows(IllegalArgumentException.class, () -> Ed25519Keys.seed(x25519.getPrivate()));
    }
}
