package io.ngisec.client.cli;

/** A command ran and did not succeed (peer offline, denied, transfer failed): one line to the user, exit code 1. */
public final class CommandFailure extends RuntimeException {

    public CommandFailure(String message) {
        super(message);
    }
}
