package io.ngisec.protocol.noise;

import java.util.List;

/** One line of a handshake pattern: who sends the message and the tokens it carries, in order. */
public record MessagePattern(boolean fromInitiator, List<Token> tokens) {

    public MessagePattern {
        tokens = List.copyOf(tokens);
    }

    @Override
    public String toString() {
        return (fromInitiator ? "-> " : "<- ") + String.join(", ", tokens.stream().map(Token::text).toList());
    }
}
