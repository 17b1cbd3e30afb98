package io.ngisec.protocol.session;

import io.ngisec.protocol.channel.frame.VarInt;
import java.util.Objects;

/**
 * What a CLOSE record carries (section 13.8 of the spec): a {@link CloseCode}, the application's
 * own code when the code is {@link CloseCode#APPLICATION} (0 otherwise), and a short reason of at
 * most {@link LifecycleConstants#MAX_CLOSE_REASON_BYTES} bytes of UTF-8. Immutable. A reason from
 * the peer is untrusted text: escape it before showing it.
 */
public record CloseReason(CloseCode code, long applicationCode, String reason) {

    /** What a session reports when it ended by idle timeout (never sent). */
    public static final CloseReason IDLE_TIMEOUT = new CloseReason(CloseCode.IDLE_TIMEOUT, 0, "idle timeout");

    /** Refuses an application code out of 0 .. 2^62 - 1 or on another code, and a reason too long or not encodable. */
    public CloseReason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(reason, "reason");
        if (applicationCode < 0 || applicationCode > VarInt.MAX_VALUE) {
            throw new IllegalArgumentException("application code " + applicationCode);
        }
        if (code != CloseCode.APPLICATION && applicationCode != 0) {
            throw new IllegalArgumentException("application code on " + code);
        }
        if (ClosePayload.utf8(reason).length > LifecycleConstants.MAX_CLOSE_REASON_BYTES) {
            throw new IllegalArgumentException("close reason longer than " + LifecycleConstants.MAX_CLOSE_REASON_BYTES
                    + " bytes");
        }
    }

    /** An orderly close without a reason. */
    public static CloseReason noError() {
        return new CloseReason(CloseCode.NO_ERROR, 0, "");
    }

    /** An application's close with its own {@code code} and {@code reason}. */
    public static CloseReason application(long code, String reason) {
        return new CloseReason(CloseCode.APPLICATION, code, reason);
    }

    /** A close because the peer broke the protocol in the way {@code reason} says. */
    public static CloseReason protocolViolation(String reason) {
        return new CloseReason(CloseCode.PROTOCOL_VIOLATION, 0, reason);
    }
}
