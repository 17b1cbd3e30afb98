package io.ngisec.protocol.noise;

/**
 * The one failure type of the Noise package; {@link #reason()} says what went wrong.
 *
 * <p>Reasons caused by the peer's bytes (decryption, malformed or oversized messages, low-order
 * keys) mean the message must be dropped; they never leave a handshake or cipher state changed.
 */
public final class NoiseException extends Exception {

    /** Why a Noise operation failed. */
    public enum Reason {
        /** The protocol name is not of the form {@code Noise_PATTERN_DH_CIPHER_HASH}. */
        INVALID_PROTOCOL_NAME,
        /** The protocol name is well formed but names a pattern, modifier or function not implemented here. */
        UNSUPPORTED_PROTOCOL,
        /** A handshake pattern's text is not a valid pattern. */
        INVALID_PATTERN,
        /** The pattern needs a key (local static, remote static) that was not supplied. */
        MISSING_KEY,
        /** A key was supplied that the pattern does not use (for example a remote static for XX). */
        UNEXPECTED_KEY,
        /** A key has the wrong length for its function. */
        INVALID_KEY,
        /** The call does not fit the state: not this side's turn, handshake finished, or already split. */
        WRONG_STATE,
        /** The message is shorter than its pattern requires. */
        MALFORMED_MESSAGE,
        /** A message or payload exceeds the Noise limit of 65535 bytes. */
        MESSAGE_TOO_LARGE,
        /** Authenticated decryption failed: wrong key, tampered or reordered ciphertext. */
        DECRYPT_FAILED,
        /** The peer's public key gives an all-zero Diffie-Hellman output (a low-order point). */
        DH_FAILED,
        /** The cipher state used its last nonce (2^64-2); the session must be rekeyed or replaced. */
        NONCE_EXHAUSTED
    }

    private final Reason reason;

    public NoiseException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public NoiseException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** What went wrong. */
    public Reason reason() {
        return reason;
    }
}
