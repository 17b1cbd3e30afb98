package io.ngisec.server.service;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The TURN/STUN servers devices use and the secret shared with them (coturn
 * {@code use-auth-secret}); without a secret no credentials are handed out.
 *
 * @param uris          {@code turn:}/{@code turns:}/{@code stun:} URIs handed to devices
 * @param sharedSecret  coturn's {@code static-auth-secret} as bytes, or null when not configured
 * @param credentialTtl how long a credential is valid, positive
 */
public record TurnSettings(List<String> uris, byte[] sharedSecret, Duration credentialTtl) {

    public TurnSettings {
        uris = List.copyOf(uris);
        sharedSecret = sharedSecret == null ? null : sharedSecret.clone();
        Objects.requireNonNull(credentialTtl, "credentialTtl");
        if (credentialTtl.isNegative() || credentialTtl.isZero()) {
            throw new IllegalArgumentException("TURN credential TTL must be positive");
        }
        if (sharedSecret != null && sharedSecret.length == 0) {
            throw new IllegalArgumentException("an empty TURN secret is no secret; leave it unset instead");
        }
    }

    /** No TURN: devices rely on direct paths and STUN-less ICE. */
    public static TurnSettings none() {
        return new TurnSettings(List.of(), null, Duration.ofHours(12));
    }

    /** TURN at {@code uris} with {@code sharedSecret}, credentials valid for 12 hours. */
    public static TurnSettings of(List<String> uris, byte[] sharedSecret) {
        return new TurnSettings(uris, Objects.requireNonNull(sharedSecret, "sharedSecret"), Duration.ofHours(12));
    }

    public boolean configured() {
        return sharedSecret != null;
    }

    /** The secret (a copy), or null. */
    @Override
    public byte[] sharedSecret() {
        return sharedSecret == null ? null : sharedSecret.clone();
    }

    /** Keeps the secret out of logs. */
    @Override
    public String toString() {
        return "TurnSettings[uris=" + uris + ", secret=" + (configured() ? "set" : "none") + ", ttl=" + credentialTtl + "]";
    }
}
