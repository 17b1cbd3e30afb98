package io.ngisec.protocol.noise.vectors;

/**
 * A test-vector file that cannot be run at all: not JSON, or without a top-level {@code vectors}
 * array. Not an IOException on purpose: the file was read, its content is wrong.
 */
public final class VectorFileException extends Exception {

    public VectorFileException(String message) {
        super(message);
    }

    public VectorFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
