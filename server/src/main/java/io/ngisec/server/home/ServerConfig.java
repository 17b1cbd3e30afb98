package io.ngisec.server.home;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * The settings in {@code server.conf}. Empty strings mean "not set": an empty {@code dbUrl} is the
 * embedded H2 database, an empty {@code turnSecretFile} means no TURN credentials. File paths are
 * relative to the home directory unless absolute. Immutable.
 *
 * @param org            organization name, as in the CA certificate
 * @param publicUrl      {@code https://host:port} devices reach the server at (invites carry it)
 * @param listen         {@code HOST:PORT} to listen on
 * @param dbUrl          JDBC URL of an external database, or empty
 * @param dbUser         its user, or empty
 * @param dbPasswordFile file holding its password, or empty
 * @param stun           STUN server URIs handed to devices
 * @param turn           TURN server URIs handed to devices
 * @param turnSecretFile file holding the TURN REST shared secret, or empty
 */
public record ServerConfig(String org, URI publicUrl, String listen, String dbUrl, String dbUser,
                           String dbPasswordFile, List<String> stun, List<String> turn, String turnSecretFile) {

    /** The port {@code init} uses without {@code --port}. */
    public static final int DEFAULT_PORT = 8443;

    public ServerConfig {
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(publicUrl, "publicUrl");
        Objects.requireNonNull(listen, "listen");
        dbUrl = Objects.requireNonNullElse(dbUrl, "");
        dbUser = Objects.requireNonNullElse(dbUser, "");
        dbPasswordFile = Objects.requireNonNullElse(dbPasswordFile, "");
        stun = List.copyOf(stun);
        turn = List.copyOf(turn);
        turnSecretFile = Objects.requireNonNullElse(turnSecretFile, "");
    }

    /** A fresh home's settings: listen on every address at {@code port}, embedded database, no STUN/TURN. */
    public static ServerConfig initial(String org, String hostname, int port) {
        return new ServerConfig(org, URI.create("https://" + hostForUrl(hostname) + ":" + port),
                "0.0.0.0:" + port, "", "", "", List.of(), List.of(), "");
    }

    /** {@link #listen} as an unresolved address. */
    public InetSocketAddress listenAddress() {
        return parseListen(listen);
    }

    /** Parses {@code HOST:PORT} (IPv6 hosts in brackets); throws IllegalArgumentException otherwise. */
    public static InetSocketAddress parseListen(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("listen address must be HOST:PORT, not \"" + text + "\"");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("listen port must be a number in \"" + text + "\"");
        }
        if (port < 0 || port > 65535 || host.isEmpty()) {
            throw new IllegalArgumentException("listen address must be HOST:PORT with a port up to 65535, not \""
                    + text + "\"");
        }
        return InetSocketAddress.createUnresolved(host, port);
    }

    private static String hostForUrl(String hostname) {
        return hostname.contains(":") && !hostname.startsWith("[") ? "[" + hostname + "]" : hostname;
    }
}
