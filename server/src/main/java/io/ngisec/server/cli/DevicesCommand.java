package io.ngisec.server.cli;

import io.ngisec.server.home.PublicHome;
import io.ngisec.server.store.JdbcServerStore;
import io.ngisec.server.store.StoredDevice;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code devices}: the enrolled devices. */
@Command(name = "devices", mixinStandardHelpOptions = true,
        description = "Lists the enrolled devices, their certificates' expiry and whether they are revoked.")
final class DevicesCommand implements Callable<Integer> {

    /** One device in {@code --json} output; {@code revoked} is null while it is not. */
    record DeviceRow(String id, String user, String name, String enrolled, String certificateSerial,
                     String certificateNotAfter, String revoked) {
    }

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Option(names = "--json", description = "JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PublicHome home = store.readHome();
        List<StoredDevice> devices;
        try (JdbcServerStore s = store.openStore(home)) {
            devices = s.devices();
        }
        List<DeviceRow> rows = devices.stream().map(d -> new DeviceRow(d.id().toString(), d.user(), d.name(),
                d.enrolled().toString(), d.serial().toString(16), d.certificateNotAfter().toString(),
                d.revoked() ? d.revokedAt().toString() : null)).toList();
        if (json) {
            JsonOutput.print(spec.commandLine().getOut(), rows);
            return ExitCodes.OK;
        }
        TextTable table = new TextTable("ID", "USER", "NAME", "ENROLLED", "CERTIFICATE UNTIL", "STATUS");
        rows.forEach(r -> table.row(r.id(), r.user(), r.name(), r.enrolled(), r.certificateNotAfter(),
                r.revoked() == null ? "active" : "revoked " + r.revoked()));
        table.print(spec.commandLine().getOut());
        return ExitCodes.OK;
    }
}
