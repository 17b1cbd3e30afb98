package io.ngisec.protocol.handshake;

import io.ngisec.protocol.identity.DeviceCertificate;
import io.ngisec.protocol.noise.DhKeyPair;
import java.util.Arrays;
import java.util.Objects;

/**
 * What a device proves itself with: its Noise static key pair and the CA-issued certificate that
 * binds the public half to the device. The key pair stays owned by the caller.
 */
public record LocalCredentials(DhKeyPair noiseStatic, DeviceCertificate certificate) {

    /** Rejects a certificate that was issued for another Noise key: a handshake with it could never verify. */
    public LocalCredentials {
        Objects.requireNonNull(noiseStatic, "noiseStatic");
        Objects.requireNonNull(certificate, "certificate");
        if (!Arrays.equals(noiseStatic.publicKey(), certificate.identity().noiseStaticKey())) {
            throw new IllegalArgumentException("certificate was issued for another Noise static key");
        }
    }
}
