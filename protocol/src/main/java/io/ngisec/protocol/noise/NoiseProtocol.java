package io.ngisec.protocol.noise;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A concrete Noise protocol (section 8): a handshake pattern with its DH, cipher and hash
 * functions, for example {@code Noise_XX_25519_AESGCM_SHA256}. Immutable.
 */
public record NoiseProtocol(String name, HandshakePattern pattern, DhFunction dh, CipherFunction cipher,
        HashFunction hash) {

    public NoiseProtocol {
        String expected = "Noise_" + pattern.name() + "_" + dh.noiseName() + "_" + cipher.noiseName() + "_" + hash.noiseName();
        if (!expected.equals(name)) {
            throw new IllegalArgumentException("protocol name " + name + " does not match its parts " + expected);
        }
    }

    // A pattern name: upper-case base (NN, X1K1) then optional lower-case modifiers joined by '+'.
    private static final Pattern PATTERN_NAME = Pattern.compile("[A-Z][A-Z0-9]*(?:[a-z][a-z0-9]*(?:\\+[a-z][a-z0-9]*)*)?");
    // Function names as the specification forms them, including combined ones such as 25519+Kyber1024.
    private static final Pattern FUNCTION_NAME = Pattern.compile("[A-Za-z0-9/]+(?:\\+[A-Za-z0-9/]+)*");

    /**
     * Parses a protocol name. INVALID_PROTOCOL_NAME when it is not {@code Noise_PATTERN_DH_CIPHER_HASH}
     * (or longer than 255 bytes); UNSUPPORTED_PROTOCOL when it is well formed but names a pattern,
     * modifier or function not implemented here (448, PSK modifiers, fallback, ...).
     */
    public static NoiseProtocol parse(String name) throws NoiseException {
        if (name.getBytes(StandardCharsets.UTF_8).length > NoiseConstants.MAX_PROTOCOL_NAME_LENGTH) {
            throw invalid(name, "longer than " + NoiseConstants.MAX_PROTOCOL_NAME_LENGTH + " bytes");
        }
        String[] parts = name.split("_", -1);
        if (parts.length != 5 || !parts[0].equals("Noise")) {
            throw invalid(name, "expected Noise_PATTERN_DH_CIPHER_HASH");
        }
        if (!PATTERN_NAME.matcher(parts[1]).matches()) {
            throw invalid(name, "bad handshake pattern name '" + parts[1] + "'");
        }
        for (int i = 2; i < 5; i++) {
            if (!FUNCTION_NAME.matcher(parts[i]).matches()) {
                throw invalid(name, "bad function name '" + parts[i] + "'");
            }
        }
        HandshakePattern pattern = HandshakePatterns.named(parts[1])
                .orElseThrow(() -> unsupported(name, "handshake pattern " + parts[1]));
        DhFunction dh = DhFunction.fromNoiseName(parts[2]).orElseThrow(() -> unsupported(name, "DH function " + parts[2]));
        CipherFunction cipher = CipherFunction.fromNoiseName(parts[3])
                .orElseThrow(() -> unsupported(name, "cipher " + parts[3]));
        HashFunction hash = HashFunction.fromNoiseName(parts[4]).orElseThrow(() -> unsupported(name, "hash " + parts[4]));
        return new NoiseProtocol(name, pattern, dh, cipher, hash);
    }

    private static NoiseException invalid(String name, String why) {
        return new NoiseException(NoiseException.Reason.INVALID_PROTOCOL_NAME, "invalid Noise protocol name '" + name + "': " + why);
    }

    private static NoiseException unsupported(String name, String what) {
        return new NoiseException(NoiseException.Reason.UNSUPPORTED_PROTOCOL, name + ": " + what + " is not supported");
    }

    @Override
    public String toString() {
        return name;
    }
}
