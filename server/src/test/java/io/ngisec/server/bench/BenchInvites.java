package io.ngisec.server.bench;

import io.ngisec.protocol.enroll.InviteCode;
import io.ngisec.server.home.AdminActor;
import io.ngisec.server.home.PublicHome;
import io.ngisec.server.store.AuditRecord;
import io.ngisec.server.store.JdbcServerStore;
import io.ngisec.server.store.StoredInvite;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Puts many invites into a server home's store at once, as {@code ngisec server invite} would one
 * per JVM start: users {@code PREFIX-0..N-1} in group {@code bench}, one audit entry each. Works
 * while the server runs (the embedded database serves a second process). Writes the codes,
 * {@code ID.SECRET} one per line, for the enroll scenario.
 */
@Command(name = "bench-invites", mixinStandardHelpOptions = true,
        description = "Adds one-time invites to a server home's database and writes their codes to a file.")
public final class BenchInvites implements Callable<Integer> {

    /** Invites per transaction: few commits, yet no huge transaction. */
    private static final int BATCH = 500;

    @Option(names = "--home", required = true, description = "The server home.")
    Path home;

    @Option(names = "--count", required = true, description = "How many invites.")
    int count;

    @Option(names = "--out", required = true, description = "File for the codes, one ID.SECRET per line.")
    Path out;

    @Option(names = "--user-prefix", defaultValue = "bench", description = "Users PREFIX-0..N-1 (default ${DEFAULT-VALUE}).")
    String userPrefix;

    @Option(names = "--ttl", defaultValue = "24h", description = "How long the invites stay valid (default ${DEFAULT-VALUE}).")
    String ttl;

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchInvites()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        SecureRandom random = new SecureRandom();
        Duration lifetime = DurationText.parse(ttl);
        Instant now = Instant.now();
        Instant expires = now.plus(lifetime).truncatedTo(ChronoUnit.SECONDS);
        String actor = AdminActor.current();
        List<String> groups = List.of("bench");
        try (JdbcServerStore store = PublicHome.read(home).openStore();
             BufferedWriter codes = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (int from = 0; from < count; from += BATCH) {
                List<InviteCode> batch = new ArrayList<>();
                for (int i = from; i < Math.min(count, from + BATCH); i++) {
                    batch.add(InviteCode.generate(random));
                }
                int first = from;
                store.inTransaction(tx -> {
                    for (int i = 0; i < batch.size(); i++) {
                        InviteCode code = batch.get(i);
                        String user = userPrefix + "-" + (first + i);
                        tx.addInvite(new StoredInvite(code.id(), code.secretHash(), user, groups, now, expires, null));
                        tx.audit(new AuditRecord(0, now, actor, "invite", user,
                                "invite " + code.id() + ", groups " + groups + ", expires " + expires));
                    }
                    return null;
                });
                for (InviteCode code : batch) {
                    codes.write(code.encoded());
                    codes.newLine();
                }
            }
        }
        System.out.println("invites=" + count + " file=" + out);
        return 0;
    }
}
