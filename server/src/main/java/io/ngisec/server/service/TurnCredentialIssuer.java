package io.ngisec.server.service;

import io.ngisec.protocol.api.Messages.TurnCredentials;
import io.ngisec.protocol.identity.DeviceId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * TURN credentials in the "TURN REST API" scheme coturn checks with {@code use-auth-secret}: the
 * username is {@code <expiry unix seconds>:<device id>} and the password base64 of
 * HMAC-SHA1(shared secret, username), so the TURN server needs no per-user state. Thread safe.
 */
final class TurnCredentialIssuer {

    private final TurnSettings settings;

    TurnCredentialIssuer(TurnSettings settings) {
        this.settings = settings;
    }

    boolean configured() {
        return settings.configured();
    }

    /** Credentials for {@code device} valid from {@code now} for the configured TTL; only when configured. */
    TurnCredentials issue(DeviceId device, Instant now) {
        long ttl = settings.credentialTtl().toSeconds();
        String username = (now.getEpochSecond() + ttl) + ":" + device;
        byte[] secret = settings.sharedSecret();
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            String password = Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
            return new TurnCredentials(username, password, ttl, settings.uris());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the Java runtime lacks HmacSHA1", e);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }
}
