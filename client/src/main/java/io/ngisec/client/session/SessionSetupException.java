package io.ngisec.client.session;

/** A session with a peer could not be set up; the message is one line for users. */
public final class SessionSetupException extends Exception {

    /** Why, so the command line can choose its exit code and the app its wording. */
    public enum Reason {
        /** The policy refused the services asked for. */
        DENIED,
        /** The peer is not connected to the policy server. */
        OFFLINE,
        /** No path was found (ICE failed or timed out). */
        NO_PATH,
        /** The NGISec handshake failed (certificate, ticket, revocation, or timeout). */
        HANDSHAKE,
        /** The policy server could not be reached or answered with an error. */
        SERVER
    }

    private final Reason reason;

    public SessionSetupException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public SessionSetupException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
