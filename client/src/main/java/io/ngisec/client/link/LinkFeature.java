package io.ngisec.client.link;

import java.io.IOException;

/**
 * A feature that runs over links (transfers, chat): it owns the control messages whose type
 * starts with {@link #typePrefix()} and hears when a link comes up and goes down. Called by
 * {@link LinkDispatcher} from its reader threads: one control message at a time per link.
 */
public interface LinkFeature {

    /** The type prefix this feature owns, such as {@code "file."}. */
    String typePrefix();

    /** {@code link} is up and its messages will come to this feature. */
    default void linkUp(PeerLink link) {
    }

    /**
     * Handles one message of this feature's prefix; false for a type it does not know (dropped and
     * counted). Throws for a message of a known type that is invalid.
     */
    boolean onControl(PeerLink link, ControlMessage message) throws MalformedControlException;

    /** {@code link} ended, for the one-line {@code reason}; called once per link. */
    default void linkDown(PeerLink link, String reason) {
    }

    /** Whether this feature reads the link's data stream (at most one feature per link does). */
    default boolean readsDataStream() {
        return false;
    }

    /** Reads {@code link}'s data stream until it ends or fails; runs on its own thread. */
    default void readDataStream(PeerLink link) throws IOException, InterruptedException {
    }
}
