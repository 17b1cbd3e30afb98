package io.ngisec.server.cli;

/** A command's refusal: a one-line message and the exit code it means. */
final class CliException extends Exception {

    private final int exitCode;

    private CliException(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    /** Bad usage or bad input (exit 2). */
    static CliException usage(String message) {
        return new CliException(ExitCodes.USAGE, message);
    }

    /** The command could not do its job (exit 1). */
    static CliException failed(String message) {
        return new CliException(ExitCodes.FAILED, message);
    }

    int exitCode() {
        return exitCode;
    }
}
