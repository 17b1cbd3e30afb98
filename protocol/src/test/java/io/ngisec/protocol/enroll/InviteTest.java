package io.ngisec.protocol.enroll;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ngisec.protocol.fuzz.FuzzInputs;
import io.ngisec.protocol.identity.Fingerprint;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class InviteTest {

    private static final Fingerprint CA = Fingerprint.of("ca".getBytes(StandardCharsets.UTF_8));

    @Test
    void roundTripsThroughItsTextForm() {
        Invite invite = new Invite(URI.create("https://policy.acme.example:8443"), CA,
                InviteCode.generate(new SecureRandom()));
        Invite parsed = Invite.parse(invite.encoded());
        assertEquals(invite, parsed);
        assertEquals("https://policy.acme.example:8443", parsed.server().toString());
        assertTrue(invite.encoded().startsWith("ngisec:invite?v=1&server=https%3A%2F%2F"));
    }

    @Test
    void toleratesSurroundingWhitespaceFromCopyAndPaste() {
        Invite invite = new Invite(URI.create("https://127.0.0.1:8443"), CA, InviteCode.generate(new SecureRandom()));
        assertEquals(invite, Invite.parse("  " + invite.encoded() + "\n"));
    }

    @Test
    void keepsTheSecretOutOfItsDescription() {
        InviteCode code = InviteCode.generate(new SecureRandom());
        Invite invite = new Invite(URI.create("https://h"), CA, code);
        String secret = code.encoded().substring(code.encoded().indexOf('.') + 1);
        assertFalse(invite.toString().contains(secret));
        assertFalse(code.toString().contains(secret));
        assertTrue(invite.toString().contains(code.id()));
    }

    @Test
    void matchesOnlyTheHashOfItsOwnSecret() {
        InviteCode code = InviteCode.generate(new SecureRandom());
        InviteCode other = InviteCode.generate(new SecureRandom());
        assertTrue(code.matches(code.secretHash()));
        assertFalse(code.matches(other.secretHash()));
        assertEquals(code, InviteCode.parse(code.encoded()));
        assertArrayEquals(code.secret(), InviteCode.parse(code.encoded()).secret());
    }

    @Test
    void refusesWhatIsNotAnInvite() {
        String good = new Invite(URI.create("https://h:1"), CA, InviteCode.generate(new SecureRandom())).encoded();
        String[] bad = {
            "", "hello", "ngisec:invite?", good.replace("v=1", "v=2"), good.replace("https%3A", "http%3A"),
            good.replace("&ca=", "&ca=00"), good + "&v=1", good.substring(0, good.length() - 1),
            good.replace("&code=", "&code=%"), good.replace("server=https%3A%2F%2Fh", "server=https%3A%2F%2Fu%40h"),
            "ngisec:invite?v=1&server=https%3A%2F%2Fh&ca=" + CA.hex(), "x".repeat(5000),
        };
        for (String text : bad) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Invite.parse(text), text);
            assertFalse(e.getMessage().contains("\n"));
        }
    }

    @Test
    void refusesNonCanonicalCodes() {
        assertThrows(IllegalArgumentException.class, () -> InviteCode.parse("short.secret"));
        String code = InviteCode.generate(new SecureRandom()).encoded();
        assertThrows(IllegalArgumentException.class, () -> InviteCode.parse(code.replace('.', ':')));
        assertThrows(IllegalArgumentException.class, () -> InviteCode.parse(code + "A"));
    }

    @Test
    void survivesRandomMutationsOfAValidInvite() {
        FuzzInputs inputs = new FuzzInputs("invite");
        String good = new Invite(URI.create("https://h:8443"), CA, InviteCode.generate(new SecureRandom())).encoded();
        for (int i = 0; i < 50_000; i++) {
            StringBuilder text = new StringBuilder(good);
            int edits = 1 + inputs.random().nextInt(4);
            for (int e = 0; e < edits; e++) {
                int at = inputs.random().nextInt(text.length());
                text.setCharAt(at, (char) (32 + inputs.random().nextInt(95)));
            }
            try {
                Invite.parse(text.toString());
            } catch (IllegalArgumentException expected) {
                // the only failure a parser may report
            }
        }
    }
}
