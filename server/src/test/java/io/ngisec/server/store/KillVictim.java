package io.ngisec.server.store;

import java.time.Instant;

/**
 * Run in a child JVM by {@link H2CrashTest}: appends audit entries "R-0", "R-1"... (R = args[1])
 * with a failure row each to the H2 store at args[0], printing "committed N" after each commit
 * returns, until it is killed.
 */
public final class KillVictim {

    private KillVictim() {
    }

    public static void main(String[] args) throws Exception {
        JdbcServerStore store = JdbcServerStore.open(args[0], "sa", "");
        System.out.println("open");
        System.out.flush();
        for (long n = 0; ; n++) {
            long i = n;
            store.inTransaction(s -> {
                String subject = args[1] + "-" + i;
                s.audit(new AuditRecord(0, Instant.EPOCH, "victim", "write", subject, "x".repeat(200)));
                s.recordFailure(subject, Instant.EPOCH);
                return null;
            });
            System.out.println("committed " + n);
            System.out.flush();
        }
    }
}
