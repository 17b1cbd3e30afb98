package io.ngisec.server.home;

import java.nio.file.Path;

/**
 * Where each file of a server home lives, relative to its directory:
 *
 * <pre>
 * server.conf                  settings (written last by init: its presence marks a complete home)
 * certs/ca.pem                 org CA certificate
 * certs/ticket-signer.pem      ticket-signer certificate
 * certs/server.pem             server TLS certificate
 * secrets/ca.key               the three private keys, each a {@link KeyFile}
 * secrets/ticket-signer.key
 * secrets/server.key
 * secrets/master.key           32 random bytes, only when no passphrase is used
 * db/ngisec.mv.db              the embedded H2 database
 * </pre>
 */
public record HomeLayout(Path dir) {

    public HomeLayout {
        dir = dir.toAbsolutePath().normalize();
    }

    public Path config() {
        return dir.resolve("server.conf");
    }

    public Path certs() {
        return dir.resolve("certs");
    }

    public Path secrets() {
        return dir.resolve("secrets");
    }

    public Path caCertificate() {
        return certs().resolve("ca.pem");
    }

    public Path ticketSignerCertificate() {
        return certs().resolve("ticket-signer.pem");
    }

    public Path serverCertificate() {
        return certs().resolve("server.pem");
    }

    public Path caKey() {
        return secrets().resolve("ca.key");
    }

    public Path ticketSignerKey() {
        return secrets().resolve("ticket-signer.key");
    }

    public Path serverKey() {
        return secrets().resolve("server.key");
    }

    public Path masterKey() {
        return secrets().resolve("master.key");
    }

    public Path databaseDir() {
        return dir.resolve("db");
    }

    /** The H2 database name; H2 adds {@code .mv.db}. */
    public Path database() {
        return databaseDir().resolve("ngisec");
    }

    /** {@code path} relative to the home when it is inside it, for messages. */
    public String show(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(dir) ? dir.relativize(absolute).toString() : absolute.toString();
    }
}
