package io.ngisec.client.call;

import java.util.Objects;

/** A call could not be placed or answered; the message is one line for users. */
public final class CallException extends Exception {

    private final CallEndReason reason;

    public CallException(CallEndReason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** What the refusal amounts to: NOT_ALLOWED (policy), BUSY (already in a call), CONNECTION_LOST, ... */
    public CallEndReason reason() {
        return reason;
    }
}
