package io.ngisec.protocol.record;

import java.util.Arrays;
import javax.crypto.spec.SecretKeySpec;

/**
 * One key phase of one direction: its secret (to derive the next phase) and its AES key, made into
 * a {@link SecretKeySpec} once so that sealing and opening build no key objects per packet.
 * Not thread-safe; owned by one sealer or opener.
 */
final class PhaseKey {

    private final long phase;
    private final byte[] secret;
    private final SecretKeySpec key;

    private PhaseKey(long phase, byte[] secret) {
        this.phase = phase;
        this.secret = secret;
        byte[] raw = KeySchedule.aeadKey(secret);
        this.key = new SecretKeySpec(raw, "AES");
        // SecretKeySpec keeps its own copy (which JCA gives us no way to wipe); wipe ours at least.
        Arrays.fill(raw, (byte) 0);
    }

    /** Phase 0 of a direction, from a copy of the handshake's traffic secret. */
    static PhaseKey first(byte[] trafficSecret) {
        if (trafficSecret.length != Limits.SECRET_BYTES) {
            throw new IllegalArgumentException("traffic secrets are 32 bytes, got " + trafficSecret.length);
        }
        return new PhaseKey(0, trafficSecret.clone());
    }

    /** The following phase. This one stays usable until destroyed. */
    PhaseKey next() {
        return new PhaseKey(phase + 1, KeySchedule.nextSecret(secret));
    }

    long phase() {
        return phase;
    }

    /** The key-phase bit carried in headers sealed under this phase. */
    boolean phaseBit() {
        return (phase & 1) != 0;
    }

    SecretKeySpec key() {
        return key;
    }

    /** Zeroes the secret; the phase must not be used afterwards. */
    void destroy() {
        Arrays.fill(secret, (byte) 0);
    }
}
