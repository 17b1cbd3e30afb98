package io.ngisec.client.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeerMigrationsTest {

    @TempDir
    Path temp;

    @Test
    void scriptsRunOnceAndReopeningKeepsTheData() throws Exception {
        Path file = temp.resolve("peer");
        try (PeerDatabase database = PeerDatabase.open(file)) {
            database.transaction(c -> {
                SettingsTable.put(c, "save-dir", "/tmp/in");
                return null;
            });
        }
        try (PeerDatabase database = PeerDatabase.open(file)) {
            assertThat(setting(database, "save-dir")).hasValue("/tmp/in");
            int applied = database.transaction(c -> count(c.createStatement(), "SELECT COUNT(*) FROM schema_version"));
            assertThat(applied).isEqualTo(PeerMigrations.SCRIPTS.size());
        }
    }

    @Test
    void aScriptChangedAfterItRanIsRefused() throws Exception {
        Path file = temp.resolve("peer");
        try (PeerDatabase database = PeerDatabase.open(file)) {
            // As if V1 had run with other content than the script this program carries.
            database.transaction(c -> c.createStatement().executeUpdate(
                    "UPDATE schema_version SET checksum = REPEAT('0', 64) WHERE version = 1"));
        }
        assertThatThrownBy(() -> PeerDatabase.open(file)).isInstanceOf(StoreException.class)
                .hasMessage("peer database migration V1__identity.sql was changed after it ran");
    }

    @Test
    void settingsCanBeReplacedAndRemoved() throws Exception {
        try (PeerDatabase database = PeerDatabase.inMemory("settings")) {
            database.transaction(c -> {
                SettingsTable.put(c, "accept", "files");
                SettingsTable.put(c, "accept", "files,chat");
                return null;
            });
            assertThat(setting(database, "accept")).hasValue("files,chat");
            boolean removed = database.transaction(c -> SettingsTable.remove(c, "accept"));
            boolean removedAgain = database.transaction(c -> SettingsTable.remove(c, "accept"));
            assertThat(removed).isTrue();
            assertThat(removedAgain).isFalse();
            assertThat(setting(database, "accept")).isEmpty();
        }
    }

    private static Optional<String> setting(PeerDatabase database, String name) throws StoreException {
        return database.transaction(c -> SettingsTable.get(c, name));
    }

    private static int count(Statement statement, String query) throws SQLException {
        try (statement; ResultSet r = statement.executeQuery(query)) {
            r.next();
            return r.getInt(1);
        }
    }

}
