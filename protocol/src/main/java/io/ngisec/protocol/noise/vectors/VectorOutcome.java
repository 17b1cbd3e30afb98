package io.ngisec.protocol.noise.vectors;

/**
 * The result of one test vector: {@code number} is its 1-based position in the file, {@code detail}
 * says what failed or why it was skipped (empty when it passed). Immutable.
 */
public record VectorOutcome(int number, String protocolName, Status status, String detail) {

    /** Whether a vector passed, failed or was not run. */
    public enum Status {
        PASSED,
        FAILED,
        /** The vector's protocol is not implemented here (448, PSK modifiers, ...). */
        SKIPPED
    }

    static VectorOutcome passed(int number, String protocolName) {
        return new VectorOutcome(number, protocolName, Status.PASSED, "");
    }

    static VectorOutcome failed(int number, String protocolName, String detail) {
        return new VectorOutcome(number, protocolName, Status.FAILED, detail);
    }

    static VectorOutcome skipped(int number, String protocolName, String detail) {
        return new VectorOutcome(number, protocolName, Status.SKIPPED, detail);
    }

    /** One line for people, for example {@code #17 Noise_XX_25519_AESGCM_SHA256: message 2 ciphertext differs}. */
    public String describe() {
        return switch (status) {
            case PASSED -> "#" + number + " " + protocolName + ": passed";
            case FAILED -> "#" + number + " " + protocolName + ": " + detail;
            case SKIPPED -> "#" + number + " " + protocolName + ": skipped (" + detail + ")";
        };
    }
}
