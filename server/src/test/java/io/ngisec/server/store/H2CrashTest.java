package io.ngisec.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server killed (SIGKILL) in the middle of writing to its H2 file: the file opens again, and
 * every transaction whose commit had returned is in it, whole.
 */
class H2CrashTest {

    @TempDir
    Path dir;

    @Test
    void everyReportedCommitSurvivesAKill() throws Exception {
        String url = JdbcServerStore.h2FileUrl(dir.resolve("ngisec"));
        int rounds = 3;
        int commits = 150;
        for (int round = 0; round < rounds; round++) {
            runAndKill(url, round, commits);
        }

        try (JdbcServerStore store = JdbcServerStore.open(url, "sa", "")) {
            List<AuditRecord> written = store.audit(Instant.EPOCH);
            assertThat(written).allMatch(r -> r.detail().equals("x".repeat(200)));
            List<String> subjects = written.stream().map(AuditRecord::subject).toList();
            for (int round = 0; round < rounds; round++) {
                String prefix = round + "-";
                assertThat(subjects).as("round %d", round)
                        .containsAll(LongStream.range(0, commits).mapToObj(i -> prefix + i).toList());
            }
            // Transactions are whole: each audit entry came with its failure row, and no failure without it.
            for (String subject : subjects) {
                assertThat(store.recentFailures(subject, Instant.EPOCH)).as(subject).isEqualTo(1);
            }
            assertThat(count(url)).isEqualTo(subjects.size());
        }
    }

    private static long count(String url) throws Exception {
        try (var c = java.sql.DriverManager.getConnection(url, "sa", "");
                var s = c.createStatement();
                var r = s.executeQuery("SELECT COUNT(*) FROM enrollment_failures")) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Starts a writer and kills it once it has reported {@code commits} commits. */
    private static void runAndKill(String url, int round, int commits) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KillVictim.class.getName(), url,
                Integer.toString(round))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        long last = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("committed ")) {
                    last = Long.parseLong(line.substring("committed ".length()));
                    if (last + 1 >= commits) {
                        break;
                    }
                }
            }
            p.destroyForcibly();
            p.waitFor();
        } finally {
            p.destroyForcibly();
        }
        assertThat(last + 1).as("commits the writer reported before it was killed").isEqualTo(commits);
    }
}
