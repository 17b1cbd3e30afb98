package io.ngisec.protocol.noise;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue of handshake patterns: the one-way, fundamental interactive and deferred patterns
 * of sections 7.4, 7.5 and 18 (revision 34), parsed from the specification's own notation. PSK,
 * fallback and hybrid modifiers are not included. Immutable and thread safe.
 */
public final class HandshakePatterns {

    // Copied in the specification's notation so the catalogue can be checked against it by eye.
    private static final String CATALOGUE = """
            N:
              <- s
              ...
              -> e, es

            K:
              -> s
              <- s
              ...
              -> e, es, ss

            X:
              <- s
              ...
              -> e, es, s, ss

            NN:
              -> e
              <- e, ee

            NK:
              <- s
              ...
              -> e, es
              <- e, ee

            NX:
              -> e
              <- e, ee, s, es

            XN:
              -> e
              <- e, ee
              -> s, se

            XK:
              <- s
              ...
              -> e, es
              <- e, ee
              -> s, se

            XX:
              -> e
              <- e, ee, s, es
              -> s, se

            KN:
              -> s
              ...
              -> e
              <- e, ee, se

            KK:
              -> s
              <- s
              ...
              -> e, es, ss
              <- e, ee, se

            KX:
              -> s
              ...
              -> e
              <- e, ee, se, s, es

            IN:
              -> e, s
              <- e, ee, se

            IK:
              <- s
              ...
              -> e, es, s, ss
              <- e, ee, se

            IX:
              -> e, s
              <- e, ee, se, s, es

            NK1:
              <- s
              ...
              -> e
              <- e, ee, es

            NX1:
              -> e
              <- e, ee, s
              -> es

            X1N:
              -> e
              <- e, ee
              -> s
              <- se

            X1K:
              <- s
              ...
              -> e, es
              <- e, ee
              -> s
              <- se

            XK1:
              <- s
              ...
              -> e
              <- e, ee, es
              -> s, se

            X1K1:
              <- s
              ...
              -> e
              <- e, ee, es
              -> s
              <- se

            X1X:
              -> e
              <- e, ee, s, es
              -> s
              <- se

            XX1:
              -> e
              <- e, ee, s
              -> es, s, se

            X1X1:
              -> e
              <- e, ee, s
              -> es, s
              <- se

            K1N:
              -> s
              ...
              -> e
              <- e, ee
              -> se

            K1K:
              -> s
              <- s
              ...
              -> e, es
              <- e, ee
              -> se

            KK1:
              -> s
              <- s
              ...
              -> e
              <- e, ee, se, es

            K1K1:
              -> s
              <- s
              ...
              -> e
              <- e, ee, es
              -> se

            K1X:
              -> s
              ...
              -> e
              <- e, ee, s, es
              -> se

            KX1:
              -> s
              ...
              -> e
              <- e, ee, se, s
              -> es

            K1X1:
              -> s
              ...
              -> e
              <- e, ee, s
              -> se, es

            I1N:
              -> e, s
              <- e, ee
              -> se

            I1K:
              <- s
              ...
              -> e, es, s
              <- e, ee
              -> se

            IK1:
              <- s
              ...
              -> e, s
              <- e, ee, se, es

            I1K1:
              <- s
              ...
              -> e, s
              <- e, ee, es
              -> se

            I1X:
              -> e, s
              <- e, ee, s, es
              -> se

            IX1:
              -> e, s
              <- e, ee, se, s
              -> es

            I1X1:
              -> e, s
              <- e, ee, s
              -> se, es
            """;

    private static final Map<String, HandshakePattern> BY_NAME = parseCatalogue();

    private HandshakePatterns() {
    }

    /** The pattern called {@code name} (for example {@code X1K1}), if catalogued. */
    public static Optional<HandshakePattern> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** Every catalogued pattern, in specification order. */
    public static Collection<HandshakePattern> all() {
        return BY_NAME.values();
    }

    private static Map<String, HandshakePattern> parseCatalogue() {
        Map<String, HandshakePattern> patterns = new LinkedHashMap<>();
        for (String block : CATALOGUE.strip().split("\\n\\s*\\n")) {
            int colon = block.indexOf(':');
            String name = block.substring(0, colon).strip();
            try {
                patterns.put(name, HandshakePattern.parse(name, block.substring(colon + 1)));
            } catch (NoiseException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
        return Collections.unmodifiableMap(patterns);
    }
}
