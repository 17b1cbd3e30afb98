package io.ngisec.app.diagnostics;

import io.ngisec.client.link.PeerLink;
import io.ngisec.client.peer.OnlinePeer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.function.Supplier;

/**
 * The live sessions of the running {@link OnlinePeer}: each open link with statistics, named
 * {@code s1}, {@code s2}, ... in the order this source first saw them. Thread safe.
 */
public final class PeerSessionSource implements SessionSource {

    private final Supplier<Optional<OnlinePeer>> peer;
    // Weak: a link that ended and was dropped by the peer must not be kept alive for its name.
    private final Map<PeerLink, String> names = new WeakHashMap<>();
    private int next = 1;

    public PeerSessionSource(Supplier<Optional<OnlinePeer>> peer) {
        this.peer = peer;
    }

    @Override
    public synchronized List<LiveSession> sessions() {
        List<LiveSession> out = new ArrayList<>();
        for (PeerLink link : peer.get().map(OnlinePeer::links).orElse(List.of())) {
            if (link.closed().isPresent()) {
                continue;
            }
            link.stats().ifPresent(stats -> out.add(new LiveSession(
                    names.computeIfAbsent(link, l -> "s" + next++), link.peer(), link.initiator(), stats)));
        }
        return out;
    }
}
