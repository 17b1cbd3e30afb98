package io.ngisec.server.home;

import io.ngisec.protocol.identity.Fingerprint;
import io.ngisec.protocol.identity.IdentityException;
import io.ngisec.protocol.identity.OrgCaCertificate;
import io.ngisec.server.home.HomeException.Reason;
import io.ngisec.server.store.JdbcServerStore;
import io.ngisec.server.store.StoreException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a server home holds that needs no secret: its layout, {@code server.conf} and the CA
 * certificate. Enough for the administrative commands (invites carry the CA fingerprint and the
 * public URL; the rest is in the database), so they work without the passphrase. Immutable.
 */
public record PublicHome(HomeLayout layout, ServerConfig config, OrgCaCertificate caCertificate) {

    /** H2 user of the embedded database; the database files are the home owner's only. */
    static final String EMBEDDED_USER = "sa";
    /**
     * Lets a second process (an admin command) use the embedded database while the server has it
     * open: the first opener serves it to the others over a local TCP port whose address and
     * random key are in the lock file beside the database.
     */
    static final String AUTO_SERVER = ";AUTO_SERVER=TRUE";

    /** Reads the home in {@code dir}; HomeException(NOT_A_HOME) if it is not one. */
    public static PublicHome read(Path dir) throws HomeException {
        HomeLayout layout = new HomeLayout(dir);
        if (!Files.isDirectory(layout.dir())) {
            throw new HomeException(Reason.NOT_A_HOME, layout.dir() + " does not exist (create it with `ngisec server init`)");
        }
        if (!Files.isRegularFile(layout.config())) {
            throw new HomeException(Reason.NOT_A_HOME, layout.dir() + " is not a server home (no server.conf)");
        }
        ServerConfig config = ServerConfigReader.read(
                new String(AtomicFiles.read(layout.config(), layout), StandardCharsets.UTF_8));
        OrgCaCertificate ca;
        try {
            ca = OrgCaCertificate.parse(Pem.decodeCertificate(AtomicFiles.read(layout.caCertificate(), layout)));
        } catch (IdentityException | IllegalArgumentException e) {
            throw new HomeException(Reason.BAD_CONFIG, layout.show(layout.caCertificate())
                    + " is not a CA certificate: " + e.getMessage(), e);
        }
        return new PublicHome(layout, config, ca);
    }

    public URI publicUrl() {
        return config.publicUrl();
    }

    /** SHA-256 of the CA certificate: what invites pin. */
    public Fingerprint caFingerprint() {
        return caCertificate.fingerprint();
    }

    /** {@code server.conf}'s db_url, or the embedded H2 database that several processes may open at once. */
    public String storeUrl() {
        if (!config.dbUrl().isEmpty()) {
            return config.dbUrl();
        }
        return JdbcServerStore.h2FileUrl(layout.database()) + AUTO_SERVER;
    }

    /** Where the store is and how to log in: {@link #storeUrl()} with the configured user and password file. */
    public StoreTarget storeTarget() throws HomeException {
        if (config.dbUrl().isEmpty()) {
            return new StoreTarget(storeUrl(), EMBEDDED_USER, "");
        }
        String user = config.dbUser().isEmpty() ? null : config.dbUser();
        String password = config.dbPasswordFile().isEmpty() ? null : readPassword(resolve(config.dbPasswordFile()));
        return new StoreTarget(storeUrl(), user, password);
    }

    /** Opens the store {@link #storeTarget()} names. */
    public JdbcServerStore openStore() throws HomeException, StoreException {
        return storeTarget().open();
    }

    /** A path from {@code server.conf}: relative ones are inside the home. */
    public Path resolve(String path) {
        return layout.dir().resolve(path);
    }

    /** The first line of a password file, without surrounding white space. */
    public static String readPassword(Path file) throws HomeException {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return text.lines().findFirst().orElse("").strip();
        } catch (java.io.IOException e) {
            throw new HomeException(Reason.IO, "could not read the password file " + file + ": " + e.getMessage(), e);
        }
    }
}
