package io.ngisec.protocol.channel.stream;

/**
 * Why a stream refused what the peer sent or acknowledged. The only checked failure of this package;
 * each reason maps to a connection error the session reports to the peer before closing.
 */
public final class StreamException extends Exception {

    /** What was wrong, for the session choosing the error to send. */
    public enum Reason {
        /** Data beyond the credit this side advertised (QUIC's FLOW_CONTROL_ERROR). */
        FLOW_CONTROL,
        /** Data beyond, or a fin contradicting, a final size already known (QUIC's FINAL_SIZE_ERROR). */
        FINAL_SIZE,
        /** So many disjoint ranges that tracking them would take memory without bound. */
        TOO_FRAGMENTED
    }

    private final Reason reason;

    public StreamException(Reason reason, String message) {
        super(reason + ": " + message);
        this.reason = reason;
    }

    /** What was wrong. */
    public Reason reason() {
        return reason;
    }
}
