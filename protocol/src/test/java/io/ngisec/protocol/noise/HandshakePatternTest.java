package io.ngisec.protocol.noise;

import static io.ngisec.protocol.noise.CipherStateTest.assertReason;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HandshakePatternTest {

    @Test
    void catalogueHoldsTheOneWayFundamentalAndDeferredPatterns() {
        assertThat(HandshakePatterns.all()).extracting(HandshakePattern::name).containsExactlyInAnyOrder(
                "N", "K", "X",
                "NN", "NK", "NX", "XN", "XK", "XX", "KN", "KK", "KX", "IN", "IK", "IX",
                "NK1", "NX1", "X1N", "X1K", "XK1", "X1K1", "X1X", "XX1", "X1X1",
                "K1N", "K1K", "KK1", "K1K1", "K1X", "KX1", "K1X1",
                "I1N", "I1K", "IK1", "I1K1", "I1X", "IX1", "I1X1");
    }

    @Test
    void parsesPreMessagesAndMessages() {
        HandshakePattern x1k1 = HandshakePatterns.named("X1K1").orElseThrow();

        assertThat(x1k1.initiatorPreMessage()).isEmpty();
        assertThat(x1k1.responderPreMessage()).containsExactly(Token.S);
        assertThat(x1k1.messages()).containsExactly(
                new MessagePattern(true, List.of(Token.E)),
                new MessagePattern(false, List.of(Token.E, Token.EE, Token.ES)),
                new MessagePattern(true, List.of(Token.S)),
                new MessagePattern(false, List.of(Token.SE)));
        assertThat(x1k1.isOneWay()).isFalse();
    }

    @Test
    void oneWayPatternsHaveASingleMessage() {
        HandshakePattern k = HandshakePatterns.named("K").orElseThrow();

        assertThat(k.isOneWay()).isTrue();
        assertThat(k.initiatorPreMessage()).containsExactly(Token.S);
        assertThat(k.responderPreMessage()).containsExactly(Token.S);
        assertThat(k.messages().getFirst().tokens()).containsExactly(Token.E, Token.ES, Token.SS);
    }

    @Test
    void unknownNamesAreNotInTheCatalogue() {
        assertThat(HandshakePatterns.named("XXpsk3")).isEmpty();
        assertThat(HandshakePatterns.named("ZZ")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "-> e, ee",                    // ee before the responder's e
        "-> e\n<- e, ee\n-> e",        // initiator's e sent twice
        "-> e\n<- e, ee, ee",          // the same DH twice
        "-> e, xx",                    // unknown token
        "<- e\n-> e, ee",              // responder speaks first
        "-> e\n-> s",                  // messages do not alternate
        "-> e\n== s",                  // not an arrow
        "<- ee\n...\n-> e",            // DH in a pre-message
        "<- s\n-> s\n...\n-> e",       // pre-messages in the wrong order
        "<- s\n...",                   // no messages
        "-> e,\n<- e, ee"              // trailing comma
    })
    void rejectsInvalidPatterns(String text) {
        assertReason(() -> HandshakePattern.parse("T", text), NoiseException.Reason.INVALID_PATTERN);
    }
}
