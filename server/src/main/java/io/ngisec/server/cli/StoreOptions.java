package io.ngisec.server.cli;

import io.ngisec.server.home.HomeException;
import io.ngisec.server.home.PublicHome;
import io.ngisec.server.home.StoreTarget;
import io.ngisec.server.store.JdbcServerStore;
import io.ngisec.server.store.StoreException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --home} and the database overrides every command that reads the store takes. */
final class StoreOptions {

    @Option(names = "--home", required = true, paramLabel = "DIR", description = "The server home directory.")
    Path home;

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "Database instead of the one in server.conf (such as jdbc:postgresql://host/ngisec).")
    String db;

    @Option(names = "--db-user", paramLabel = "U", description = "Database user (with --db).")
    String dbUser;

    @Option(names = "--db-password-file", paramLabel = "F", description = "File holding the database password (with --db).")
    Path dbPasswordFile;

    PublicHome readHome() throws HomeException {
        return PublicHome.read(home);
    }

    /** The store of {@code home}, or the one {@code --db} names. */
    JdbcServerStore openStore(PublicHome home) throws HomeException, StoreException, CliException {
        return target(home).open();
    }

    /** Where the store of {@code home} is, or the one {@code --db} names. */
    StoreTarget target(PublicHome home) throws HomeException, CliException {
        if (db == null) {
            if (dbUser != null || dbPasswordFile != null) {
                throw CliException.usage("--db-user and --db-password-file go with --db");
            }
            return home.storeTarget();
        }
        if (!db.startsWith("jdbc:")) {
            throw CliException.usage("--db must be a jdbc: URL, not '" + db + "'");
        }
        String password = dbPasswordFile == null ? null : PublicHome.readPassword(dbPasswordFile);
        return new StoreTarget(db, dbUser, password);
    }
}
