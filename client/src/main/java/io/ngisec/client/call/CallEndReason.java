package io.ngisec.client.call;

/** Why a call ended (or could not start); the wire's reason codes map to these in {@link CallWire}. */
public enum CallEndReason {
    /** One side hung up an answered call. */
    HUNG_UP,
    /** The callee said no. */
    DECLINED,
    /** The callee was already in a call. */
    BUSY,
    /** Nobody answered within the ring timeout. */
    NO_ANSWER,
    /** The caller gave up while it rang. */
    CANCELLED,
    /** The session with the peer ended. */
    CONNECTION_LOST,
    /** The policy (the session's ticket) does not allow calls between these two. */
    NOT_ALLOWED,
    /** The media could not start or run (no audio device, unsupported codec). */
    FAILED
}
