package io.ngisec.protocol.noise;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A handshake pattern (section 7): optional pre-messages, then message patterns alternating from
 * initiator to responder. Built only by {@link #parse}, which checks the validity rules of
 * section 7.3 that do not involve PSKs, so a value of this type is always runnable. Immutable.
 */
public record HandshakePattern(String name, List<Token> initiatorPreMessage, List<Token> responderPreMessage,
        List<MessagePattern> messages) {

    public HandshakePattern {
        initiatorPreMessage = List.copyOf(initiatorPreMessage);
        responderPreMessage = List.copyOf(responderPreMessage);
        messages = List.copyOf(messages);
    }

    /** Whether this is a one-way pattern (N, K, X): a single message, after which only the initiator sends. */
    public boolean isOneWay() {
        return messages.size() == 1;
    }

    /**
     * Parses the specification's notation, for example
     * <pre>
     *   &lt;- s
     *   ...
     *   -&gt; e, es
     *   &lt;- e, ee
     * </pre>
     * Blank lines and surrounding spaces are ignored. INVALID_PATTERN when the text breaks the
     * notation or the validity rules (keys sent twice, DH before both keys exist, pre-messages
     * other than {@code e}, {@code s}, {@code e, s}, messages not alternating from the initiator).
     */
    public static HandshakePattern parse(String name, String text) throws NoiseException {
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        int separator = lines.indexOf("...");
        List<MessagePattern> pre = new ArrayList<>();
        for (String line : separator < 0 ? List.<String>of() : lines.subList(0, separator)) {
            pre.add(parseLine(name, line));
        }
        List<MessagePattern> messages = new ArrayList<>();
        for (String line : lines.subList(separator + 1, lines.size())) {
            messages.add(parseLine(name, line));
        }
        List<Token> initiatorPre = List.of();
        List<Token> responderPre = List.of();
        if (pre.size() > 2 || (pre.size() == 2 && !(pre.get(0).fromInitiator() && !pre.get(1).fromInitiator()))) {
            throw invalid(name, "at most one pre-message per side, initiator's first");
        }
        for (MessagePattern p : pre) {
            if (!p.tokens().equals(List.of(Token.E)) && !p.tokens().equals(List.of(Token.S))
                    && !p.tokens().equals(List.of(Token.E, Token.S))) {
                throw invalid(name, "pre-message must be e, s or e, s: " + p);
            }
            if (p.fromInitiator()) {
                initiatorPre = p.tokens();
            } else {
                responderPre = p.tokens();
            }
        }
        if (messages.isEmpty()) {
            throw invalid(name, "no messages");
        }
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i).fromInitiator() != (i % 2 == 0)) {
                throw invalid(name, "messages must alternate, starting with the initiator");
            }
        }
        checkKeys(name, initiatorPre, responderPre, messages);
        return new HandshakePattern(name, initiatorPre, responderPre, messages);
    }

    private static MessagePattern parseLine(String name, String line) throws NoiseException {
        boolean fromInitiator;
        if (line.startsWith("->")) {
            fromInitiator = true;
        } else if (line.startsWith("<-")) {
            fromInitiator = false;
        } else {
            throw invalid(name, "line must start with -> or <-: " + line);
        }
        List<Token> tokens = new ArrayList<>();
        String rest = line.substring(2).strip();
        if (!rest.isEmpty()) {
            for (String word : rest.split(",", -1)) {
                String w = word.strip();
                tokens.add(Token.fromText(w).orElseThrow(() -> invalid(name, "unknown token '" + w + "'")));
            }
        }
        return new MessagePattern(fromInitiator, tokens);
    }

    /** Tracks which public keys each side has sent, so that every key is sent once and known before any DH uses it. */
    private static void checkKeys(String name, List<Token> initiatorPre, List<Token> responderPre,
            List<MessagePattern> messages) throws NoiseException {
        Set<Token> initiatorKeys = EnumSet.noneOf(Token.class);
        Set<Token> responderKeys = EnumSet.noneOf(Token.class);
        initiatorKeys.addAll(initiatorPre);
        responderKeys.addAll(responderPre);
        Set<Token> dhDone = EnumSet.noneOf(Token.class);
        for (MessagePattern m : messages) {
            Set<Token> senderKeys = m.fromInitiator() ? initiatorKeys : responderKeys;
            for (Token t : m.tokens()) {
                if (!t.isDh()) {
                    if (!senderKeys.add(t)) {
                        throw invalid(name, "key '" + t + "' sent twice");
                    }
                    continue;
                }
                // The first letter names the initiator's key, the second the responder's.
                Token initiatorKey = t == Token.EE || t == Token.ES ? Token.E : Token.S;
                Token responderKey = t == Token.EE || t == Token.SE ? Token.E : Token.S;
                if (!initiatorKeys.contains(initiatorKey) || !responderKeys.contains(responderKey)) {
                    throw invalid(name, "'" + t + "' before both of its keys are known");
                }
                if (!dhDone.add(t)) {
                    throw invalid(name, "'" + t + "' appears twice");
                }
            }
        }
    }

    private static NoiseException invalid(String name, String why) {
        return new NoiseException(NoiseException.Reason.INVALID_PATTERN, "pattern " + name + ": " + why);
    }

    @Override
    public String toString() {
        return name;
    }
}
