package io.ngisec.app.service;

import java.util.List;

/** Hears what a {@link PeerService} learns, always on the UI thread. */
public interface PeerServiceListener {

    /** The whole directory, grouped by user and sorted by name, after any change (a presence change included). */
    default void directoryChanged(List<Colleague> colleagues) {
    }

    /** The connection to the policy server changed. */
    default void statusChanged(ServerStatus status) {
    }
}
