package io.ngisec.protocol.transport;

import java.util.Objects;

/**
 * Something that happened to the paths of an {@link IceTransport}, reported to its
 * {@link IceTransport.PathListener} in order. Immutable.
 *
 * @param kind what happened
 * @param path the path concerned; null for RESTART_FAILED and CLOSED
 * @param failure why, for RESTART_FAILED; null otherwise
 */
public record PathEvent(Kind kind, DatagramPath path, TransportFailure failure) {

    /** The catalogue of path events. */
    public enum Kind {
        /** ICE selected a pair: the first path, or a new one after an ICE restart by either side. */
        SELECTED,
        /**
         * The path's consent expired (RFC 7675: no authenticated answer to a consent check for the
         * consent timeout): it refuses to send from now on. Restart ICE to get a new path.
         */
        CONSENT_LOST,
        /** An ICE restart gave no path (ICE_FAILED, TIMEOUT, GATHERING_FAILED, ...); earlier paths are untouched. */
        RESTART_FAILED,
        /** The transport was closed, and every path with it. The last event. */
        CLOSED
    }

    public PathEvent {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.SELECTED || kind == Kind.CONSENT_LOST) != (path != null)
                || (kind == Kind.RESTART_FAILED) != (failure != null)) {
            throw new IllegalArgumentException(kind + " with path " + path + " and failure " + failure);
        }
    }
}
