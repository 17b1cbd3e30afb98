package io.ngisec.server.cli;

import io.ngisec.server.home.PublicHome;
import io.ngisec.server.store.AuditRecord;
import io.ngisec.server.store.JdbcServerStore;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code audit}: the audit log. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Prints the audit log, oldest first.")
final class AuditCommand implements Callable<Integer> {

    /** One entry in {@code --json} output. */
    record AuditRow(long sequence, String at, String actor, String action, String subject, String detail) {
    }

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Option(names = "--since", paramLabel = "WHEN", converter = Since.Converter.class,
            description = "Only entries from then on: an instant (2026-11-01T00:00:00Z) or a time ago (24h, 7d).")
    Since since;

    @Option(names = "--json", description = "JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Instant from = since == null ? Instant.EPOCH : since.resolve(ServerMain.of(spec).clock());
        PublicHome home = store.readHome();
        List<AuditRecord> records;
        try (JdbcServerStore s = store.openStore(home)) {
            records = s.audit(from);
        }
        List<AuditRow> rows = records.stream().map(r -> new AuditRow(r.sequence(), r.at().toString(), r.actor(),
                r.action(), r.subject(), r.detail())).toList();
        if (json) {
            JsonOutput.print(spec.commandLine().getOut(), rows);
            return ExitCodes.OK;
        }
        TextTable table = new TextTable("SEQ", "AT", "ACTOR", "ACTION", "SUBJECT", "DETAIL");
        rows.forEach(r -> table.row(r.sequence(), r.at(), r.actor(), r.action(), r.subject(), r.detail()));
        table.print(spec.commandLine().getOut());
        return ExitCodes.OK;
    }
}
