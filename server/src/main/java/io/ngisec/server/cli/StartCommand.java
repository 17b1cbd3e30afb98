package io.ngisec.server.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code start}: runs the policy server (its wiring is still to come). */
@Command(name = "start", mixinStandardHelpOptions = true,
        description = "Runs the policy server from its home; options override server.conf.")
final class StartCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Option(names = "--listen", paramLabel = "HOST:PORT", description = "Address to listen on.")
    String listen;

    @Option(names = "--stun", paramLabel = "URI", description = "STUN server for devices (repeatable).")
    List<String> stun = new ArrayList<>();

    @Option(names = "--turn", paramLabel = "URI", description = "TURN server for devices (repeatable).")
    List<String> turn = new ArrayList<>();

    @Option(names = "--turn-secret-file", paramLabel = "F", description = "File holding the TURN REST shared secret.")
    Path turnSecretFile;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("ngisec server: start is not yet wired");
        return ExitCodes.FAILED;
    }
}
