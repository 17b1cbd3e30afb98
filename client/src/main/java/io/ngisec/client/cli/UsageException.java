package io.ngisec.client.cli;

/** Bad input given to a command (a missing file, a malformed argument): one line to the user, exit code 2. */
public final class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
