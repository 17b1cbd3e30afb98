package io.ngisec.client.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Brings the peer database's schema up to date with the scripts under {@code migrations/} next
 * to this class, {@code V1__...sql}, {@code V2__...sql}, ... numbered without gaps and listed in
 * {@link #SCRIPTS}. Table {@code schema_version} records each applied script with its SHA-256: an
 * edited script that already ran is refused, as is a database newer than this code (a downgrade).
 */
final class PeerMigrations {

    /** The scripts in order. Add new ones at the end; never edit one that has shipped. */
    static final List<String> SCRIPTS = List.of("V1__identity.sql", "V2__transfers.sql", "V3__chat.sql", "V4__sessions.sql",
            "V5__calls.sql");

    private PeerMigrations() {
    }

    static void apply(Connection connection) throws SQLException, StoreException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INT PRIMARY KEY, "
                    + "script VARCHAR(200) NOT NULL, checksum CHAR(64) NOT NULL, applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
        }
        connection.commit();
        List<String> applied = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT version, checksum FROM schema_version ORDER BY version")) {
            while (rs.next()) {
                applied.add(rs.getInt(1) + ":" + rs.getString(2));
            }
        }
        if (applied.size() > SCRIPTS.size()) {
            throw new StoreException("the peer database is newer than this program (schema version "
                    + applied.size() + ", this program knows " + SCRIPTS.size() + "); use a newer ngisec");
        }
        for (int i = 0; i < SCRIPTS.size(); i++) {
            String text = resource(SCRIPTS.get(i));
            String checksum = sha256(text);
            if (i < applied.size()) {
                if (!applied.get(i).equals((i + 1) + ":" + checksum)) {
                    throw new StoreException("peer database migration " + SCRIPTS.get(i) + " was changed after it ran");
                }
                continue;
            }
            try (Statement s = connection.createStatement()) {
                for (String statement : text.split(";\\s*(\\n|$)")) {
                    if (!statement.isBlank()) {
                        s.execute(statement);
                    }
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO schema_version (version, script, checksum, applied_at) VALUES (?, ?, ?, CURRENT_TIMESTAMP)")) {
                insert.setInt(1, i + 1);
                insert.setString(2, SCRIPTS.get(i));
                insert.setString(3, checksum);
                insert.executeUpdate();
            }
            connection.commit();
        }
    }

    private static String resource(String script) {
        try (InputStream in = PeerMigrations.class.getResourceAsStream("migrations/" + script)) {
            if (in == null) {
                throw new IllegalStateException("missing migration script " + script);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
