package io.ngisec.client.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two processes of one home: the one that opened the database first exits, the other carries on. */
class PeerDatabaseReconnectTest {

    @TempDir
    Path dir;

    @Test
    void survivesTheExitOfTheProcessThatServedTheDatabase() throws Exception {
        Path file = dir.resolve("peer");
        Process first = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DatabaseServer.class.getName(), file.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("open");
            try (PeerDatabase db = PeerDatabase.open(file)) {
                db.transaction(c -> {
                    SettingsTable.put(c, "before", "1");
                    return null;
                });
                first.getOutputStream().close();
                assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
                // The connection went through the first process's server, now gone.
                db.transaction(c -> {
                    SettingsTable.put(c, "after", "2");
                    return null;
                });
                java.util.Optional<String> before = db.transaction(c -> SettingsTable.get(c, "before"));
                java.util.Optional<String> after = db.transaction(c -> SettingsTable.get(c, "after"));
                assertThat(before).contains("1");
                assertThat(after).contains("2");
            }
        } finally {
            first.destroyForcibly();
        }
    }
}
