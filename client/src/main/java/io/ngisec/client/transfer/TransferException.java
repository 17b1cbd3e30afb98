package io.ngisec.client.transfer;

/** A transfer could not start or be changed; the message is one line for users. */
public final class TransferException extends Exception {

    private final TransferState state;

    public TransferException(TransferState state, String message) {
        super(message);
        this.state = state;
    }

    public TransferException(TransferState state, String message, Throwable cause) {
        super(message, cause);
        this.state = state;
    }

    /** What the refusal amounts to: DENIED (policy), FAILED (files unreadable, link down), ... */
    public TransferState state() {
        return state;
    }
}
