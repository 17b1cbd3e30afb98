package io.ngisec.protocol.transport;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Short-lived TURN credentials in coturn's REST scheme ({@code use-auth-secret}): the username is
 * {@code <unix expiry>:<user>} and the password is base64(HMAC-SHA1(shared secret, username)), so
 * the TURN server checks them without asking the policy server. The server mints them with
 * {@link #coturnRest}; clients only carry them. Immutable.
 */
public record TurnCredentials(String username, String password) {

    public TurnCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    /** Credentials for {@code user}, valid until {@code expiry}, under the TURN server's shared secret. */
    public static TurnCredentials coturnRest(byte[] sharedSecret, String user, Instant expiry) {
        if (user.indexOf(':') >= 0) {
            throw new IllegalArgumentException("user must not contain ':'");
        }
        String username = expiry.getEpochSecond() + ":" + user;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            SecretKeySpec key = new SecretKeySpec(sharedSecret, "HmacSHA1");
            mac.init(key);
            byte[] tag = mac.doFinal(username.getBytes(StandardCharsets.UTF_8));
            String password = Base64.getEncoder().encodeToString(tag);
            Arrays.fill(tag, (byte) 0);
            return new TurnCredentials(username, password);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
    }

    /** The password is a secret: keep it out of logs. */
    @Override
    public String toString() {
        return "TurnCredentials[username=" + username + "]";
    }
}
