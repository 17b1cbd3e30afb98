package io.ngisec.client.cli;

/** Exit codes of every {@code ngisec} command. */
public final class ExitCodes {

    public static final int OK = 0;
    /** The command ran but did not succeed: peer offline, denied, transfer failed, a vector failed. */
    public static final int FAILED = 1;
    /** The command line or its input was wrong. */
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
