package io.ngisec.protocol.noise;

import java.util.Arrays;
import java.util.Optional;

/** One token of a handshake pattern (section 7.1): send a public key, or mix in a Diffie-Hellman result. */
public enum Token {
    E("e"),
    S("s"),
    EE("ee"),
    ES("es"),
    SE("se"),
    SS("ss");

    private final String text;

    Token(String text) {
        this.text = text;
    }

    /** The token as the specification writes it. */
    public String text() {
        return text;
    }

    /** Whether this token is a DH (ee, es, se, ss) rather than a public key. */
    public boolean isDh() {
        return text.length() == 2;
    }

    /** The token the specification writes as {@code text}. */
    public static Optional<Token> fromText(String text) {
        return Arrays.stream(values()).filter(t -> t.text.equals(text)).findFirst();
    }

    @Override
    public String toString() {
        return text;
    }
}
