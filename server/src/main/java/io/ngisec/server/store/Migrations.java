package io.ngisec.server.store;

import io.ngisec.server.store.StoreException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings a database's schema up to date with the SQL scripts under {@code migrations/} next to
 * this class, named {@code V<n>__<what>.sql} and numbered from 1 without gaps. Table
 * {@code schema_version} records each applied script with its SHA-256, so an edited script that
 * was already applied is refused rather than silently ignored. Each script runs in its own
 * transaction (on H2, DDL commits at once; so scripts are written to be re-runnable). A database
 * newer than this code is refused.
 */
final class Migrations {

    /** The scripts, in order. Add new ones at the end; never edit one that has shipped. */
    private static final List<String> SCRIPTS = List.of("V1__initial.sql");

    private static final Pattern NAME = Pattern.compile("V([1-9][0-9]*)__([a-z0-9_]+)\\.sql");

    /** One script: its version, a description from its name, its statements and their digest. */
    record Migration(int version, String description, List<String> statements, String checksum) {
    }

    private Migrations() {
    }

    /** Every migration, in version order. */
    static List<Migration> all() {
        List<Migration> all = new ArrayList<>();
        for (String script : SCRIPTS) {
            Matcher m = NAME.matcher(script);
            if (!m.matches() || Integer.parseInt(m.group(1)) != all.size() + 1) {
                throw new IllegalStateException("migration scripts must be V1__..., V2__..., in order: " + script);
            }
            String text = resource(script);
            all.add(new Migration(all.size() + 1, m.group(2).replace('_', ' '), statements(text), sha256(text)));
        }
        return List.copyOf(all);
    }

    static int latest() {
        return SCRIPTS.size();
    }

    /** Applies the missing migrations on {@code connection} (auto-commit off). */
    static void apply(Connection connection, Dialect dialect) throws StoreException {
        List<Migration> migrations = all();
        try {
            if (dialect.migrationLock().isPresent()) {
                execute(connection, dialect.migrationLock().get());
                connection.commit();
            }
            try {
                applyLocked(connection, migrations);
            } finally {
                if (dialect.migrationUnlock().isPresent()) {
                    connection.rollback();
                    execute(connection, dialect.migrationUnlock().get());
                    connection.commit();
                }
            }
        } catch (SQLException e) {
            rollbackQuietly(connection);
            throw failure("migrate the schema", e);
        }
    }

    private static void applyLocked(Connection connection, List<Migration> migrations)
            throws SQLException, StoreException {
        execute(connection, "CREATE TABLE IF NOT EXISTS schema_version ("
                + " version INTEGER PRIMARY KEY,"
                + " description VARCHAR(200) NOT NULL,"
                + " checksum VARCHAR(64) NOT NULL,"
                + " applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
        connection.commit();

        List<String> appliedChecksums = appliedChecksums(connection);
        if (appliedChecksums.size() > migrations.size()) {
            throw new StoreException(Reason.SCHEMA, "store: the database schema (version " + appliedChecksums.size()
                    + ") is newer than this server (version " + migrations.size() + ")", null);
        }
        for (int i = 0; i < appliedChecksums.size(); i++) {
            if (!appliedChecksums.get(i).equals(migrations.get(i).checksum())) {
                throw new StoreException(Reason.SCHEMA,
                        "store: migration V" + (i + 1) + " differs from the one applied to this database", null);
            }
        }
        for (Migration m : migrations.subList(appliedChecksums.size(), migrations.size())) {
            try {
                for (String statement : m.statements()) {
                    execute(connection, statement);
                }
                try (PreparedStatement s = connection.prepareStatement(
                        "INSERT INTO schema_version (version, description, checksum, applied_at) VALUES (?, ?, ?, ?)")) {
                    s.setInt(1, m.version());
                    s.setString(2, m.description());
                    s.setString(3, m.checksum());
                    SqlValues.setInstant(s, 4, Instant.now());
                    s.executeUpdate();
                }
                connection.commit();
            } catch (SQLException e) {
                rollbackQuietly(connection);
                throw failure("apply migration V" + m.version(), e);
            }
        }
    }

    /** The checksums of the applied migrations, by version from 1; refuses a gap. */
    private static List<String> appliedChecksums(Connection connection) throws SQLException, StoreException {
        List<String> checksums = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet r = s.executeQuery("SELECT version, checksum FROM schema_version ORDER BY version")) {
            while (r.next()) {
                if (r.getInt(1) != checksums.size() + 1) {
                    throw new StoreException(Reason.SCHEMA, "store: schema_version has a gap before version "
                            + r.getInt(1), null);
                }
                checksums.add(r.getString(2));
            }
        }
        connection.commit();
        return checksums;
    }

    /** The version recorded in {@code schema_version}: 0 for none. */
    static int currentVersion(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet r = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            r.next();
            return r.getInt(1);
        }
    }

    /**
     * The statements of a script: lines starting with {@code --} are comments; a statement ends
     * with a line ending in {@code ;} (so no statement may hold such a line inside a string).
     */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(current.isEmpty() ? "" : "\n").append(line.stripTrailing());
            if (trimmed.endsWith(";")) {
                current.setLength(current.length() - 1);
                statements.add(current.toString().strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalStateException("migration script ends inside a statement: " + current);
        }
        return List.copyOf(statements);
    }

    /** A failed migration is a schema problem, unless the database just went away. */
    private static StoreException failure(String operation, SQLException e) {
        StoreException mapped = SqlErrors.map(operation, e);
        Reason reason = mapped.reason() == Reason.UNAVAILABLE ? Reason.UNAVAILABLE : Reason.SCHEMA;
        return new StoreException(reason, mapped.getMessage(), e);
    }

    private static String resource(String script) {
        try (InputStream in = Migrations.class.getResourceAsStream("migrations/" + script)) {
            if (in == null) {
                throw new IllegalStateException("migration script missing from the build: " + script);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("migration script unreadable: " + script, e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // The connection is closed by the caller; the database rolls back then.
        }
    }
}
