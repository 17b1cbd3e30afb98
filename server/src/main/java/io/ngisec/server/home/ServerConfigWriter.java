package io.ngisec.server.home;

import java.util.stream.Collectors;

/**
 * Writes {@code server.conf}: one {@code key = value} per line, each with a comment saying what it
 * is for, so an administrator can edit it without the manual. {@link ServerConfigReader} reads it.
 */
final class ServerConfigWriter {

    private ServerConfigWriter() {
    }

    static String write(ServerConfig config) {
        return """
                # NGISec policy server settings for %s.
                # One "key = value" per line; "#" starts a comment. Restart the server after editing.
                # Options given to `ngisec server start` override these.

                # Organization name, as in the CA certificate (editing it here does not change the CA).
                org = %s

                # The URL devices reach this server at; invites carry it. Its host must be one of the
                # names in the TLS certificate (certs/server.pem).
                public_url = %s

                # HOST:PORT to listen on (0.0.0.0 for every IPv4 address).
                listen = %s

                # Database: empty for the embedded H2 database in db/ (admin commands may run while the
                # server does), or a jdbc:postgresql://HOST/DB URL, with its user and a file holding its
                # password, so that several servers can share it.
                db_url = %s
                db_user = %s
                db_password_file = %s

                # STUN and TURN servers handed to devices, comma-separated:
                # stun = stun:turn.example.org:3478
                # turn = turn:turn.example.org:3478?transport=udp, turns:turn.example.org:5349
                stun = %s
                turn = %s
                # File holding the TURN server's REST API shared secret (relative to this directory);
                # empty: devices get no TURN credentials.
                turn_secret_file = %s
                """.formatted(config.org(), config.org(), config.publicUrl(), config.listen(), config.dbUrl(),
                config.dbUser(), config.dbPasswordFile(), String.join(", ", config.stun()),
                String.join(", ", config.turn()), config.turnSecretFile())
                .lines().map(String::stripTrailing).collect(Collectors.joining("\n", "", "\n"));
    }
}
