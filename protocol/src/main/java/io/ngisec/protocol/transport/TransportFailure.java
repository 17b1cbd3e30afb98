package io.ngisec.protocol.transport;

/**
 * Why ICE did not give a usable path, or why a peer's description was refused. The one failure
 * type of this package; the reason is for the local side (logs, statistics, the user) and is
 * never sent to the peer.
 */
public final class TransportFailure extends Exception {

    /** The catalogue of transport failures. */
    public enum Reason {
        /** The peer's ICE description did not parse or broke a limit. */
        MALFORMED_DESCRIPTION,
        /** No local candidate could be gathered (no usable address, bind failed). */
        GATHERING_FAILED,
        /** The signaling channel refused a message or is closed. */
        SIGNALING_FAILED,
        /** ICE processing ended in FAILED: no candidate pair passed its checks. */
        ICE_FAILED,
        /** No path was selected before the configured deadline (the peer may never have answered). */
        TIMEOUT,
        /** The transport was closed before a path was selected. */
        CLOSED
    }

    private final Reason reason;

    public TransportFailure(Reason reason, String detail) {
        super(reason + ": " + detail, null, false, false);
        this.reason = reason;
    }

    public TransportFailure(Reason reason, String detail, Throwable cause) {
        super(reason + ": " + detail, cause, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
