package io.ngisec.client.peer;

/** The user asked for is unknown, or none of their devices is online; the message is one line for users. */
public final class PeerUnavailableException extends Exception {

    private final boolean unknown;

    public PeerUnavailableException(String message, boolean unknown) {
        super(message);
        this.unknown = unknown;
    }

    /** True when no such user is in the directory (bad input), false when they are only offline. */
    public boolean unknown() {
        return unknown;
    }
}
