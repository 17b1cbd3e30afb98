package io.ngisec.client.cli;

import picocli.CommandLine;

/** Entry point of the {@code ngisec} command line; the one place that turns outcomes into exit codes. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code: 0 ok, 1 failed, 2 bad usage. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new NgisecCommand());
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

    private static String describe(Exception ex) {
        String message = ex.getMessage();
        return message == null || message.isBlank() ? ex.getClass().getSimpleName() : message;
    }
}
