package io.ngisec.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {

    @TempDir
    Path dir;

    @Test
    void splitsScriptsIntoStatementsSkippingComments() {
        String script = """
                -- a comment; with a semicolon
                CREATE TABLE a (
                    x INTEGER   -- trailing comments stay, the database skips them
                );

                INSERT INTO a (x) VALUES (1);
                  -- indented comment
                DROP TABLE a;""";

        assertThat(Migrations.statements(script)).containsExactly(
                "CREATE TABLE a (\n    x INTEGER   -- trailing comments stay, the database skips them\n)",
                "INSERT INTO a (x) VALUES (1)",
                "DROP TABLE a");
    }

    @Test
    void refusesAScriptEndingInsideAStatement() {
        assertThatThrownBy(() -> Migrations.statements("CREATE TABLE a (x INTEGER);\nDROP TABLE a"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void migrationsAreNumberedFromOneWithStatementsAndChecksums() {
        assertThat(Migrations.all()).hasSize(Migrations.latest());
        for (int i = 0; i < Migrations.latest(); i++) {
            Migrations.Migration m = Migrations.all().get(i);
            assertThat(m.version()).isEqualTo(i + 1);
            assertThat(m.statements()).isNotEmpty();
            assertThat(m.checksum()).matches("[0-9a-f]{64}");
        }
        assertThat(Migrations.all().get(0).description()).isEqualTo("initial");
    }

    @Test
    void everyScriptCanRunTwice() throws Exception {
        // H2 commits DDL at once: a migration cut short is finished by running it again.
        try (Connection c = DriverManager.getConnection(JdbcServerStore.h2FileUrl(dir.resolve("db")), "sa", "");
                Statement s = c.createStatement()) {
            for (int run = 0; run < 2; run++) {
                for (Migrations.Migration m : Migrations.all()) {
                    for (String statement : m.statements()) {
                        s.execute(statement);
                    }
                }
            }
            try (var r = s.executeQuery("SELECT COUNT(*) FROM policy_head")) {
                r.next();
                assertThat(r.getInt(1)).isEqualTo(1);
            }
        }
    }
}
