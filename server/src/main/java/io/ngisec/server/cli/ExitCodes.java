package io.ngisec.server.cli;

/** Exit codes of {@code ngisec server}. */
final class ExitCodes {

    static final int OK = 0;
    /** The command ran but failed: database unavailable, nothing matched, an expectation did not hold. */
    static final int FAILED = 1;
    /** Bad usage or bad input: unknown option, bad value or file, missing home. */
    static final int USAGE = 2;

    private ExitCodes() {
    }
}
