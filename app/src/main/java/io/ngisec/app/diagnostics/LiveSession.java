package io.ngisec.app.diagnostics;

import io.ngisec.client.link.PeerInfo;
import io.ngisec.protocol.session.stats.SessionStats;
import java.util.Objects;

/**
 * One live session as sampled: a stable id for this run, the verified peer, which side opened it,
 * and its statistics at the sample.
 */
public record LiveSession(String id, PeerInfo peer, boolean initiator, SessionStats stats) {

    public LiveSession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(stats, "stats");
    }

    /** "bob / bob-pc, outgoing" as the session list shows it. */
    public String title() {
        return peer.user() + " / " + peer.deviceName() + (initiator ? ", outgoing" : ", incoming");
    }
}
