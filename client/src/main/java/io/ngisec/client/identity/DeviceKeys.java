package io.ngisec.client.identity;

import io.ngisec.protocol.identity.Ed25519Keys;
import io.ngisec.protocol.noise.DhKeyPair;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * A device's two private keys, which never leave it: the Ed25519 signing key its certificate
 * (and mutual TLS to the policy server) is bound to, and the X25519 Noise static key of its
 * sessions.
 */
public record DeviceKeys(KeyPair signing, DhKeyPair noise) {

    public DeviceKeys {
        Objects.requireNonNull(signing, "signing");
        Objects.requireNonNull(noise, "noise");
    }

    /** Fresh keys for a device about to enroll. */
    public static DeviceKeys generate(SecureRandom random) {
        return new DeviceKeys(Ed25519Keys.generate(random), DhKeyPair.generate(random));
    }
}
