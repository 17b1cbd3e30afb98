package io.ngisec.protocol.identity;

import java.nio.ByteBuffer;
import java.security.PublicKey;
import java.util.HexFormat;

/**
 * Names a ticket-signer key inside a ticket: the first 8 bytes of SHA-256 over the raw 32-byte
 * Ed25519 public key, read big-endian. A hint for finding the key, not a proof: verifiers still
 * check the signature.
 */
public record KeyId(long value) {

    /** The key id of this Ed25519 public key; throws IllegalArgumentException for any other key. */
    public static KeyId of(PublicKey ed25519) {
        return ofRaw(Ed25519Keys.raw(ed25519));
    }

    /** The key id of a raw 32-byte Ed25519 public key. */
    static KeyId ofRaw(byte[] rawPublicKey) {
        return new KeyId(ByteBuffer.wrap(Fingerprint.sha256(rawPublicKey)).getLong());
    }

    /** Reads 8 bytes from {@code in}. */
    static KeyId read(ByteBuffer in) {
        return new KeyId(in.getLong());
    }

    /** Writes the 8-byte form to {@code out}. */
    void write(ByteBuffer out) {
        out.putLong(value);
    }

    @Override
    public String toString() {
        return HexFormat.of().toHexDigits(value);
    }
}
