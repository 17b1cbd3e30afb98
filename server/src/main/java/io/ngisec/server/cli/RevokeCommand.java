package io.ngisec.server.cli;

import io.ngisec.protocol.identity.DeviceId;
import io.ngisec.server.home.AdminActor;
import io.ngisec.server.home.PublicHome;
import io.ngisec.server.store.AuditRecord;
import io.ngisec.server.store.JdbcServerStore;
import io.ngisec.server.store.StoredDevice;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code revoke}: revokes one device, or every device of a user. */
@Command(name = "revoke", mixinStandardHelpOptions = true,
        description = {"Revokes a device, or every device of a user: their certificates stop working at once.",
            "Exits 1 if nothing matched."})
final class RevokeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    /** Exactly one of the two. */
    static final class Target {
        @Option(names = "--user", paramLabel = "NAME", description = "Revoke every device of this user.")
        String user;

        @Option(names = "--device", paramLabel = "ID", description = "Revoke this device (its id, a UUID).")
        String device;
    }

    @Override
    public Integer call() throws Exception {
        DeviceId deviceId = null;
        if (target.device != null) {
            try {
                deviceId = DeviceId.parse(target.device);
            } catch (IllegalArgumentException e) {
                throw CliException.usage("'" + target.device + "' is not a device id (a UUID)");
            }
        }
        DeviceId wanted = deviceId;
        ServerMain main = ServerMain.of(spec);
        PublicHome home = store.readHome();
        Instant now = main.clock().instant();
        String actor = AdminActor.current();
        List<StoredDevice> revoked;
        try (JdbcServerStore s = store.openStore(home)) {
            revoked = s.inTransaction(tx -> {
                List<StoredDevice> matching = tx.devices().stream()
                        .filter(d -> !d.revoked())
                        .filter(d -> wanted != null ? d.id().equals(wanted) : d.user().equals(target.user))
                        .toList();
                for (StoredDevice d : matching) {
                    if (tx.revokeDevice(d.id(), now)) {
                        tx.audit(new AuditRecord(0, now, actor, "revoke", d.id().toString(),
                                "device \"" + d.name() + "\" of " + d.user()));
                    }
                }
                return matching;
            });
        }
        String what = wanted != null ? "device " + wanted : "user " + target.user;
        if (revoked.isEmpty()) {
            throw CliException.failed("nothing revoked: " + what + " has no device that is enrolled and not yet revoked");
        }
        spec.commandLine().getOut().println("revoked " + revoked.size() + (revoked.size() == 1 ? " device" : " devices")
                + (wanted != null ? " (" + revoked.get(0).name() + " of " + revoked.get(0).user() + ")" : " of " + target.user));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
