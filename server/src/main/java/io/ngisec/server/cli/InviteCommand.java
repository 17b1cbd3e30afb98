package io.ngisec.server.cli;

import io.ngisec.protocol.enroll.Invite;
import io.ngisec.protocol.enroll.InviteCode;
import io.ngisec.server.home.AdminActor;
import io.ngisec.server.home.PublicHome;
import io.ngisec.server.policy.PolicyNames;
import io.ngisec.server.store.AuditRecord;
import io.ngisec.server.store.JdbcServerStore;
import io.ngisec.server.store.StoredInvite;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code invite}: a one-time invite for a user to enroll one device. */
@Command(name = "invite", mixinStandardHelpOptions = true,
        description = {"Creates a one-time invite for a user to enroll a device.",
            "Prints the invite on stdout (give it to that user only) and who it is for on stderr."})
final class InviteCommand implements Callable<Integer> {

    static final Duration MAX_TTL = Duration.ofDays(30);

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Option(names = "--user", required = true, paramLabel = "NAME", description = "The user the invite is for.")
    String user;

    @Option(names = "--groups", split = ",", paramLabel = "GROUP", description = "Groups the user joins, comma-separated.")
    List<String> groups = new ArrayList<>();

    @Option(names = "--ttl", paramLabel = "DURATION", defaultValue = "24h", converter = DurationConverter.class,
            description = "How long the invite stays valid, up to 30d (default: ${DEFAULT-VALUE}).")
    Duration ttl;

    @Override
    public Integer call() throws Exception {
        if (!PolicyNames.isValid(user)) {
            throw CliException.usage("'" + user + "' is not a valid user name (letters, digits, '.', '_', '@', '-')");
        }
        for (String group : groups) {
            if (!PolicyNames.isValid(group)) {
                throw CliException.usage("'" + group + "' is not a valid group name");
            }
        }
        if (ttl.compareTo(MAX_TTL) > 0) {
            throw CliException.usage("--ttl is at most 30d");
        }
        ServerMain main = ServerMain.of(spec);
        PublicHome home = store.readHome();
        InviteCode code = InviteCode.generate(main.random());
        Invite invite = new Invite(home.publicUrl(), home.caFingerprint(), code);
        Instant now = main.clock().instant();
        Instant expires = now.plus(ttl).truncatedTo(ChronoUnit.SECONDS);
        List<String> uniqueGroups = List.copyOf(new LinkedHashSet<>(groups));
        String actor = AdminActor.current();
        try (JdbcServerStore s = store.openStore(home)) {
            s.inTransaction(tx -> {
                tx.addInvite(new StoredInvite(code.id(), code.secretHash(), user, uniqueGroups, now, expires, null));
                tx.audit(new AuditRecord(0, now, actor, "invite", user,
                        "invite " + code.id() + ", groups " + uniqueGroups + ", expires " + expires));
                return null;
            });
        }
        spec.commandLine().getOut().println(invite.encoded());
        spec.commandLine().getOut().flush();
        spec.commandLine().getErr().println("invite " + code.id() + " for " + user
                + (uniqueGroups.isEmpty() ? "" : " (groups " + String.join(", ", uniqueGroups) + ")")
                + ", enrolls one device, expires " + expires);
        spec.commandLine().getErr().flush();
        return ExitCodes.OK;
    }
}
