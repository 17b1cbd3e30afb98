package io.ngisec.protocol.enroll;

import io.ngisec.protocol.identity.Fingerprint;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What an administrator hands a user to enroll a device: the policy server's HTTPS URL, the
 * fingerprint of the org CA (so the device pins it before trusting the server) and the one-time
 * {@link InviteCode}. Text form, one line that survives chat and e-mail:
 * {@code ngisec:invite?v=1&server=https%3A%2F%2Fhost%3A8443&ca=<64 hex>&code=<ID.SECRET>}.
 * Immutable.
 */
public record Invite(URI server, Fingerprint caFingerprint, InviteCode code) {

    /** The only version this code reads and writes. */
    public static final int VERSION = 1;

    private static final String PREFIX = "ngisec:invite?";
    private static final int MAX_LENGTH = 2048;

    public Invite {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(caFingerprint, "caFingerprint");
        Objects.requireNonNull(code, "code");
        checkServer(server);
    }

    /** Parses the text form; throws IllegalArgumentException with a one-line reason otherwise. */
    public static Invite parse(String text) {
        Objects.requireNonNull(text, "text");
        String trimmed = text.strip();
        if (trimmed.length() > MAX_LENGTH || !trimmed.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not an NGISec invite (it starts with \"" + PREFIX + "\")");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : trimmed.substring(PREFIX.length()).split("&", -1)) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("invite field without a value");
            }
            String key = pair.substring(0, eq);
            if (fields.put(key, decode(pair.substring(eq + 1))) != null) {
                throw new IllegalArgumentException("invite field \"" + key + "\" appears twice");
            }
        }
        if (!String.valueOf(VERSION).equals(fields.get("v"))) {
            throw new IllegalArgumentException("unsupported invite version (this client reads v=" + VERSION + ")");
        }
        try {
            URI server = new URI(require(fields, "server"));
            return new Invite(server, Fingerprint.parse(require(fields, "ca")), InviteCode.parse(require(fields, "code")));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("invite server is not a URL");
        }
    }

    /** The text form: contains the secret, so show it only to the person it is for. */
    public String encoded() {
        return PREFIX + "v=" + VERSION + "&server=" + URLEncoder.encode(server.toString(), StandardCharsets.UTF_8)
                + "&ca=" + caFingerprint.hex() + "&code=" + code.encoded();
    }

    /** Only the server, CA and code id: the secret stays out of logs. */
    @Override
    public String toString() {
        return "Invite[" + server + ", ca " + caFingerprint.hex() + ", " + code + "]";
    }

    private static void checkServer(URI server) {
        if (!"https".equals(server.getScheme()) || server.getHost() == null || server.getRawUserInfo() != null
                || server.getRawQuery() != null || server.getRawFragment() != null) {
            throw new IllegalArgumentException("invite server must be an https://host[:port] URL");
        }
    }

    private static String require(Map<String, String> fields, String key) {
        String value = fields.get(key);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("invite lacks \"" + key + "\"");
        }
        return value;
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invite has a badly escaped field");
        }
    }
}
