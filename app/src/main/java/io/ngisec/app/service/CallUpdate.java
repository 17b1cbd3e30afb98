package io.ngisec.app.service;

import io.ngisec.client.call.CallEndReason;
import java.util.Objects;

/**
 * What a {@link CallService} tells the call screen about the one call it follows, in order, on
 * the UI thread. Calls the device refuses without asking (busy, not allowed) never show up here.
 */
public sealed interface CallUpdate {

    /** The callee's device rings. */
    record Ringing(String peer) implements CallUpdate {
    }

    /** {@code peer} calls from {@code device}; answer through {@link CallService#accept()} or {@link CallService#decline()}. */
    record Incoming(String peer, String device) implements CallUpdate {
    }

    /** The media runs on this side. */
    record Active(String peer) implements CallUpdate {
    }

    /** The call's quality now (several times a second while active). */
    record Quality(CallQuality quality) implements CallUpdate {
    }

    /** The call is over, or could not start: why, in one line from this side's point of view. */
    record Ended(String peer, CallEndReason reason, String message) implements CallUpdate {

        public Ended {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }
}
