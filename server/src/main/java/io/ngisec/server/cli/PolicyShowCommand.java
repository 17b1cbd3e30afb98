package io.ngisec.server.cli;

import io.ngisec.server.home.PublicHome;
import io.ngisec.server.store.JdbcServerStore;
import io.ngisec.server.store.PolicyRecord;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code policy show}: the current policy file. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Prints the current policy file on stdout, exactly as applied, and its version on stderr",
            "(so that `policy show > FILE` gives a file to edit and apply)."})
final class PolicyShowCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Override
    public Integer call() throws Exception {
        PublicHome home = store.readHome();
        PolicyRecord current;
        try (JdbcServerStore s = store.openStore(home)) {
            current = s.currentPolicy().orElseThrow(() -> CliException.failed("the database holds no policy"));
        }
        spec.commandLine().getErr().println("policy version " + current.version() + ", applied " + current.applied()
                + " by " + current.actor());
        spec.commandLine().getErr().flush();
        spec.commandLine().getOut().print(current.text());
        if (!current.text().endsWith("\n")) {
            spec.commandLine().getOut().println();
        }
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
