package io.ngisec.server.cli;

import io.ngisec.server.home.AdminActor;
import io.ngisec.server.home.PublicHome;
import io.ngisec.server.policy.Policy;
import io.ngisec.server.policy.PolicyException;
import io.ngisec.server.store.AuditRecord;
import io.ngisec.server.store.JdbcServerStore;
import io.ngisec.server.store.PolicyRecord;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code policy apply FILE}: checks a policy file and makes it the next version. */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Checks FILE and makes it the current policy (a new version; every version is kept).",
            "A file with errors is refused with the line and column at fault, and nothing is saved."})
final class PolicyApplyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Parameters(index = "0", paramLabel = "FILE", description = "The policy file (HuJSON).")
    Path file;

    @Override
    public Integer call() throws Exception {
        String text = PolicyCommand.read(file);
        try {
            Policy.parse(text);
        } catch (PolicyException e) {
            throw CliException.usage(file + ": " + e.getMessage());
        }
        PublicHome home = store.readHome();
        Instant now = ServerMain.of(spec).clock().instant();
        String actor = AdminActor.current();
        Optional<PolicyRecord> saved;
        try (JdbcServerStore s = store.openStore(home)) {
            saved = s.inTransaction(tx -> {
                Optional<PolicyRecord> current = tx.currentPolicy();
                if (current.isPresent() && current.get().text().equals(text)) {
                    return Optional.empty();
                }
                PolicyRecord record = tx.savePolicy(text, actor, now);
                tx.audit(new AuditRecord(0, now, actor, "policy apply", "version " + record.version(),
                        "from " + file.toAbsolutePath().normalize()));
                return Optional.of(record);
            });
            if (saved.isEmpty()) {
                long version = s.currentPolicy().map(PolicyRecord::version).orElse(0L);
                spec.commandLine().getOut().println("policy unchanged: " + file + " is version " + version);
            }
        }
        saved.ifPresent(r -> spec.commandLine().getOut().println("applied policy version " + r.version()));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
