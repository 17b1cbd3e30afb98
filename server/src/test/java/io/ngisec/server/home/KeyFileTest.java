package io.ngisec.server.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.ngisec.server.home.HomeException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The encrypted key-file format: round trip, refusals, and bounded fuzzing of the parser. */
class KeyFileTest {

    private static final long SEED = Long.getLong("ngisec.fuzz.seed", 0x4B_E7F1L);
    /** The cheapest parameters the format accepts, so that tests decrypt in a millisecond. */
    private static final KeyFile.Params CHEAP = new KeyFile.Params(10, 1, 1);
    private static final byte[] SECRET = "correct horse".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PLAINTEXT = HexFormat.of().parseHex("302e020100300506032b657004220420" + "11".repeat(32));

    private final SecureRandom random = new SecureRandom();

    @Test
    void roundTripsThroughItsEncoding() throws Exception {
        byte[] file = KeyFile.encrypt(PLAINTEXT, SECRET, CHEAP, random).encoded();

        KeyFile parsed = KeyFile.parse(file);

        assertThat(parsed.params()).isEqualTo(CHEAP);
        assertThat(parsed.decrypt(SECRET)).isEqualTo(PLAINTEXT);
        assertThat(file).hasSize(KeyFile.HEADER_LENGTH + PLAINTEXT.length + 16);
        assertThat(Arrays.copyOf(file, 5)).isEqualTo(new byte[] {'N', 'G', 'K', 'F', 1});
    }

    @Test
    void keepsNoPlaintextAndUsesFreshSaltAndNonce() {
        byte[] a = KeyFile.encrypt(PLAINTEXT, SECRET, CHEAP, random).encoded();
        byte[] b = KeyFile.encrypt(PLAINTEXT, SECRET, CHEAP, random).encoded();

        assertThat(a).isNotEqualTo(b);
        assertThat(indexOf(a, Arrays.copyOf(PLAINTEXT, 16))).isEqualTo(-1);
    }

    @Test
    void wrongSecretIsRefusedCleanly() throws Exception {
        KeyFile file = KeyFile.parse(KeyFile.encrypt(PLAINTEXT, SECRET, CHEAP, random).encoded());

        assertThatThrownBy(() -> file.decrypt("wrong".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(HomeException.class, e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_SECRET))
                .hasMessageNotContaining("\n");
    }

    @Test
    void everyAlteredByteIsDetected() throws Exception {
        byte[] file = KeyFile.encrypt(PLAINTEXT, SECRET, CHEAP, random).encoded();
        for (int i = 0; i < file.length; i++) {
            byte[] altered = file.clone();
            altered[i] ^= 0x01;
            try {
                KeyFile.parse(altered).decrypt(SECRET);
                fail("a change at byte " + i + " went unnoticed");
            } catch (HomeException expected) {
                assertThat(expected.reason()).as("byte %d", i).isIn(Reason.WRONG_SECRET, Reason.BAD_KEY_FILE);
            }
        }
    }

    @Test
    void refusesWhatIsNotAKeyFile() {
        byte[] file = KeyFile.encrypt(PLAINTEXT, SECRET, CHEAP, random).encoded();
        byte[] otherVersion = file.clone();
        otherVersion[4] = 2;
        byte[] tooCostly = file.clone();
        tooCostly[5] = 30; // log2 N = 30: gigabytes of memory

        for (byte[] bad : new byte[][] {new byte[0], Arrays.copyOf(file, 40), "NGKX".getBytes(StandardCharsets.US_ASCII),
            otherVersion, tooCostly, new byte[KeyFile.MAX_LENGTH + 1]}) {
            assertThatThrownBy(() -> KeyFile.parse(bad)).isInstanceOfSatisfying(HomeException.class,
                    e -> assertThat(e.reason()).isEqualTo(Reason.BAD_KEY_FILE));
        }
    }

    @Test
    void parserThrowsNothingButHomeException() {
        SplittableRandom fuzz = new SplittableRandom(SEED);
        byte[] genuine = KeyFile.encrypt(PLAINTEXT, SECRET, CHEAP, random).encoded();
        int parsed = 0;
        for (int i = 0; i < 100_000; i++) {
            byte[] input = mutate(fuzz, genuine);
            try {
                KeyFile.parse(input);
                parsed++;
            } catch (HomeException expected) {
                assertThat(expected.getMessage()).doesNotContain("\n");
            } catch (RuntimeException | Error e) {
                fail("try " + i + " (seed " + SEED + ") threw " + e + " for " + HexFormat.of().formatHex(input), e);
            }
        }
        assertThat(parsed).as("mutations that keep the layout valid").isPositive();
    }

    @Test
    void decryptionOfAlteredFilesFailsOnlyWithHomeException() throws Exception {
        SplittableRandom fuzz = new SplittableRandom(SEED + 1);
        byte[] genuine = KeyFile.encrypt(PLAINTEXT, SECRET, CHEAP, random).encoded();
        for (int i = 0; i < 300; i++) {
            // Mutations past the scrypt parameters keep each try cheap.
            byte[] input = genuine.clone();
            int at = 8 + fuzz.nextInt(input.length - 8);
            input[at] = (byte) fuzz.nextInt(256);
            if (Arrays.equals(input, genuine)) {
                continue;
            }
            try {
                KeyFile.parse(input).decrypt(SECRET);
                fail("try " + i + " decrypted an altered file");
            } catch (HomeException expected) {
                assertThat(expected.reason()).isIn(Reason.WRONG_SECRET, Reason.BAD_KEY_FILE);
            }
        }
    }

    private static byte[] mutate(SplittableRandom random, byte[] genuine) {
        byte[] out = genuine.clone();
        switch (random.nextInt(4)) {
            case 0 -> out[random.nextInt(out.length)] = (byte) random.nextInt(256);
            case 1 -> out = Arrays.copyOf(out, random.nextInt(out.length + 40));
            case 2 -> {
                out = new byte[random.nextInt(80)];
                for (int i = 0; i < out.length; i++) {
                    out[i] = (byte) random.nextInt(256);
                }
            }
            default -> {
                for (int n = 1 + random.nextInt(4); n > 0; n--) {
                    out[random.nextInt(Math.min(8, out.length))] = (byte) random.nextInt(256);
                }
            }
        }
        return out;
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
