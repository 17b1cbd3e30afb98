package io.ngisec.server.signal;

/** What became of a signal handed to {@link SignalingHub#relay}. */
public enum RelayOutcome {
    /** Handed to the recipient's connection here or to the instance that holds it. */
    DELIVERED,
    /** The recipient is connected to no instance: the sender gets an "offline" answer. */
    OFFLINE,
    /** The policy allows no signaling from the sender to the recipient; nothing was sent. */
    DENIED
}
