package io.ngisec.server.home;

import io.ngisec.server.home.HomeException.Reason;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code server.conf} as {@link ServerConfigWriter} writes it: {@code key = value} lines,
 * {@code #} comments, blank lines. Refuses unknown and repeated keys (usually typos) and bad values
 * with a one-line error naming the line.
 */
final class ServerConfigReader {

    private static final Set<String> KEYS = Set.of("org", "public_url", "listen", "db_url", "db_user",
            "db_password_file", "stun", "turn", "turn_secret_file");

    private ServerConfigReader() {
    }

    static ServerConfig read(String text) throws HomeException {
        Map<String, String> values = new HashMap<>();
        Map<String, Integer> lines = new HashMap<>();
        String[] all = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < all.length; i++) {
            String line = all[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw bad(i + 1, "expected \"key = value\"");
            }
            String key = line.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            if (!KEYS.contains(key)) {
                throw bad(i + 1, "unknown key \"" + key + "\" (the keys are " + String.join(", ", KEYS.stream().sorted().toList()) + ")");
            }
            if (values.put(key, line.substring(eq + 1).strip()) != null) {
                throw bad(i + 1, "\"" + key + "\" is set twice");
            }
            lines.put(key, i + 1);
        }
        String org = require(values, "org");
        URI publicUrl = publicUrl(require(values, "public_url"), lines.get("public_url"));
        String listen = require(values, "listen");
        try {
            ServerConfig.parseListen(listen);
        } catch (IllegalArgumentException e) {
            throw bad(lines.get("listen"), e.getMessage());
        }
        String dbUrl = values.getOrDefault("db_url", "");
        if (!dbUrl.isEmpty() && !dbUrl.startsWith("jdbc:")) {
            throw bad(lines.get("db_url"), "db_url must be empty or a jdbc: URL");
        }
        List<String> stun = uris(values, lines, "stun", "stun:", "stuns:");
        List<String> turn = uris(values, lines, "turn", "turn:", "turns:");
        return new ServerConfig(org, publicUrl, listen, dbUrl, values.getOrDefault("db_user", ""),
                values.getOrDefault("db_password_file", ""), stun, turn, values.getOrDefault("turn_secret_file", ""));
    }

    private static URI publicUrl(String text, int line) throws HomeException {
        try {
            URI uri = new URI(text);
            if ("https".equals(uri.getScheme()) && uri.getHost() != null && uri.getRawUserInfo() == null
                    && uri.getRawQuery() == null && uri.getRawFragment() == null
                    && (uri.getRawPath() == null || uri.getRawPath().isEmpty())) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // Reported below, like any other wrong value.
        }
        throw bad(line, "public_url must be https://HOST:PORT, not \"" + text + "\"");
    }

    private static List<String> uris(Map<String, String> values, Map<String, Integer> lines, String key,
                                     String... schemes) throws HomeException {
        String value = values.getOrDefault(key, "");
        if (value.isEmpty()) {
            return List.of();
        }
        List<String> uris = Arrays.stream(value.split(",")).map(String::strip).toList();
        for (String uri : uris) {
            if (Arrays.stream(schemes).noneMatch(uri::startsWith) || uri.length() == uri.indexOf(':') + 1) {
                throw bad(lines.get(key), key + " entries start with " + String.join(" or ", schemes)
                        + ", not \"" + uri + "\"");
            }
        }
        return uris;
    }

    private static String require(Map<String, String> values, String key) throws HomeException {
        String value = values.get(key);
        if (value == null || value.isEmpty()) {
            throw new HomeException(Reason.BAD_CONFIG, "server.conf: \"" + key + "\" is not set");
        }
        return value;
    }

    private static HomeException bad(int line, String message) {
        return new HomeException(Reason.BAD_CONFIG, "server.conf line " + line + ": " + message);
    }
}
