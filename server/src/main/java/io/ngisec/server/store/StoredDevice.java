package io.ngisec.server.store;

import io.ngisec.protocol.identity.DeviceId;
import java.math.BigInteger;
import java.time.Instant;

/**
 * An enrolled device: its owner, name, public keys (Ed25519 SPKI DER, X25519 raw), its current
 * certificate's serial and expiry, and when it was revoked (null while it is not).
 */
public record StoredDevice(DeviceId id, String user, String name, byte[] signingKey, byte[] noiseKey,
        BigInteger serial, Instant certificateNotAfter, Instant enrolled, Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
