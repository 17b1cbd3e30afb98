package io.ngisec.server.cli;

import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ngisec server}: the policy server's command line. Holds what commands share (clock,
 * randomness, environment) so tests can drive it in-process; {@link #commandLine} is the one place
 * that turns failures into one line on stderr and an exit code.
 */
@Command(
        name = "ngisec server",
        mixinStandardHelpOptions = true,
        version = "ngisec server 0.1.0",
        description = "The NGISec policy server: create its home, invite users, revoke devices, manage the policy.",
        subcommands = {InitCommand.class, StartCommand.class, InviteCommand.class, RevokeCommand.class,
            PolicyCommand.class, UsersCommand.class, DevicesCommand.class, AuditCommand.class,
            CommandLine.HelpCommand.class})
public final class ServerMain implements Callable<Integer> {

    private final Clock clock;
    private final SecureRandom random;
    private final Function<String, String> environment;

    @Spec
    CommandSpec spec;

    /** The real thing: system clock, a strong random source, the process environment. */
    public ServerMain() {
        this(Clock.systemUTC(), new SecureRandom(), System::getenv);
    }

    /** For tests: a given clock, random source and environment. */
    public ServerMain(Clock clock, SecureRandom random, Function<String, String> environment) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    public static void main(String[] args) {
        // The embedded database's AUTO_SERVER port (how admin commands reach a running server's
        // database) listens on loopback only, not on every interface. Must be set before H2 loads.
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
        System.exit(commandLine(new ServerMain(), new PrintWriter(System.out, true), new PrintWriter(System.err, true))
                .execute(args));
    }

    /**
     * The command line for {@code main}, writing to {@code out} and {@code err}, with the handlers
     * that keep every failure to one line: exit 2 for bad usage or input, 1 for failures.
     */
    public static CommandLine commandLine(ServerMain main, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(main);
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, args) -> {
            CommandLine failed = ex.getCommandLine();
            failed.getErr().println("ngisec server: " + Failures.oneLine(ex.getMessage()) + " (see '"
                    + failed.getCommandSpec().qualifiedName() + " --help')");
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            Failures.Outcome outcome = Failures.of(ex);
            commandLine.getErr().println("ngisec server: " + Failures.oneLine(outcome.message()));
            return outcome.exitCode();
        });
        return cli;
    }

    /** Without a subcommand: the usage, as bad usage. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    Clock clock() {
        return clock;
    }

    SecureRandom random() {
        return random;
    }

    String env(String name) {
        return environment.apply(name);
    }

    Function<String, String> environment() {
        return environment;
    }

    /** The ServerMain at the root of the command that {@code spec} describes. */
    static ServerMain of(CommandSpec spec) {
        return (ServerMain) spec.root().userObject();
    }
}
