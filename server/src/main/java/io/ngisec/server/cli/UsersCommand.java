package io.ngisec.server.cli;

import io.ngisec.server.home.PublicHome;
import io.ngisec.server.store.JdbcServerStore;
import io.ngisec.server.store.StoredDevice;
import io.ngisec.server.store.StoredUser;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code users}: the enrolled users. */
@Command(name = "users", mixinStandardHelpOptions = true, description = "Lists the users, their groups and devices.")
final class UsersCommand implements Callable<Integer> {

    /** One user in {@code --json} output. */
    record UserRow(String name, List<String> groups, long activeDevices, long revokedDevices, String created) {
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
        List<StoredUser> users;
        List<StoredDevice> devices;
        try (JdbcServerStore s = store.openStore(home)) {
            users = s.users();
            devices = s.devices();
        }
        Map<String, Long> active = devices.stream().filter(d -> !d.revoked())
                .collect(Collectors.groupingBy(StoredDevice::user, Collectors.counting()));
        Map<String, Long> revoked = devices.stream().filter(StoredDevice::revoked)
                .collect(Collectors.groupingBy(StoredDevice::user, Collectors.counting()));
        List<UserRow> rows = users.stream().map(u -> new UserRow(u.name(), u.groups(), active.getOrDefault(u.name(), 0L),
                revoked.getOrDefault(u.name(), 0L), u.created().toString())).toList();
        if (json) {
            JsonOutput.print(spec.commandLine().getOut(), rows);
            return ExitCodes.OK;
        }
        TextTable table = new TextTable("USER", "GROUPS", "DEVICES", "REVOKED", "CREATED");
        rows.forEach(r -> table.row(r.name(), r.groups().isEmpty() ? "-" : String.join(",", r.groups()),
                r.activeDevices(), r.revokedDevices(), r.created()));
        table.print(spec.commandLine().getOut());
        return ExitCodes.OK;
    }
}
