package io.ngisec.client.cli;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;

/** Entry point of the {@code ngisec} command line; the one place that turns outcomes into exit codes. */
public final class Main {

    // Held so the configured levels are not lost when the loggers are collected.
    private static final Logger ROOT = Logger.getLogger("");
    private static final Logger[] LIBRARIES = {Logger.getLogger("org.ice4j"), Logger.getLogger("org.jitsi")};

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code: 0 ok, 1 failed, 2 bad usage. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new NgisecCommand());
        try {
            quietLibraries();
        } catch (UsageException e) {
            // Before picocli runs, so its handlers below do not see it: the same one line here.
            cli.getErr().println("ngisec: " + e.getMessage());
            cli.getErr().flush();
            return ExitCodes.USAGE;
        }
        cli.setParameterExceptionHandler((ex, ignored) -> {
            CommandLine failed = ex.getCommandLine();
            failed.getErr().println("ngisec: " + ex.getMessage() + " (see '"
                    + failed.getCommandSpec().qualifiedName() + " --help')");
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof UsageException) {
                commandLine.getErr().println("ngisec: " + ex.getMessage());
                return ExitCodes.USAGE;
            }
            // Users get one line, never a stack trace.
            commandLine.getErr().println("ngisec: " + describe(ex));
            return ExitCodes.FAILED;
        });
        return cli.execute(args);
    }

    /**
     * Users see one line per problem, never library chatter: the JDK logger shows warnings and
     * worse, ice4j's own (transaction timeouts it recovers from) not at all. NGISEC_LOG=FINE (or
     * another java.util.logging level) shows more, for a bug report.
     */
    private static void quietLibraries() {
        Level level = Level.WARNING;
        String wanted = System.getenv("NGISEC_LOG");
        if (wanted != null && !wanted.isBlank()) {
            try {
                level = Level.parse(wanted.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UsageException("NGISEC_LOG: not a log level: " + wanted);
            }
        }
        ROOT.setLevel(level);
        for (Handler h : ROOT.getHandlers()) {
            h.setLevel(level);
        }
        for (Logger quiet : LIBRARIES) {
            quiet.setLevel(level.intValue() < Level.WARNING.intValue() ? level : Level.OFF);
        }
    }

    private static String describe(Exception ex) {
        String message = ex.getMessage();
        return message == null || message.isBlank() ? ex.getClass().getSimpleName() : message;
    }
}
