package io.ngisec.protocol.transport;

import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The client's view of the TURN permissions of one allocation (RFC 8656 section 9): for each peer
 * IP address, whether the relay lets it through, is being asked to, or refused. For each datagram
 * to a peer it decides: send it now, hold it until the permission is installed, or drop it; and
 * when a CreatePermission request must go out (first use, a refresh a minute before the 300 s
 * lifetime ends, a retry). It never has two requests out for one address, and after a refusal or
 * a lost request it waits 1 s, doubling up to 32 s, before asking again. (ice4j's own TURN socket
 * asks again the moment an answer is negative, thousands of times a second.) A failed refresh
 * does not stop traffic: the relay keeps the permission until its lifetime ends, and the refresh
 * is retried after the backoff.
 *
 * <p>Pure: the caller passes the time and sends the requests. Not thread safe; its owner
 * serialises calls. {@code T} is whatever the owner holds for a datagram.
 */
final class TurnPermissions<T> {

    /** RFC 8656 section 9: a permission lasts 300 s unless refreshed. */
    static final long LIFETIME_NANOS = 300_000_000_000L;
    /** Refresh a minute early, so a lost refresh can be retried before the relay drops the peer. */
    static final long REFRESH_AFTER_NANOS = 240_000_000_000L;
    static final long FIRST_BACKOFF_NANOS = 1_000_000_000L;
    static final long MAX_BACKOFF_NANOS = 32_000_000_000L;
    /** Datagrams held per peer while its permission is asked for: ICE checks, a few at most. */
    static final int MAX_HELD = 16;

    /** What to do with one datagram. */
    enum Verdict { SEND, HOLD, DROP }

    /**
     * @param verdict what to do with the datagram
     * @param request whether the caller must send a CreatePermission request for the peer now
     */
    record Decision(Verdict verdict, boolean request) {
    }

    private enum State { REQUESTED, INSTALLED, REFUSED }

    private static final class Peer<T> {
        State state = State.REQUESTED;
        final ArrayDeque<T> held = new ArrayDeque<>();
        long installedAt;
        long refreshAt;
        boolean refreshing;
        long retryAt;
        long backoff = FIRST_BACKOFF_NANOS;
    }

    private final Map<InetAddress, Peer<T>> peers = new HashMap<>();
    private long dropped;
    private long requests;

    /** Decides about {@code datagram} for {@code peer} at {@code now} (nanoseconds); HOLD keeps it here. */
    Decision offer(InetAddress peer, T datagram, long now) {
        Peer<T> p = peers.get(peer);
        if (p == null) {
            p = new Peer<>();
            peers.put(peer, p);
            return hold(p, datagram, true);
        }
        return switch (p.state) {
            case REQUESTED -> hold(p, datagram, false);
            case INSTALLED -> {
                long age = now - p.installedAt;
                if (age >= LIFETIME_NANOS) {
                    p.state = State.REQUESTED;
                    p.refreshing = false;
                    yield hold(p, datagram, true);
                }
                boolean refresh = now - p.refreshAt >= 0 && !p.refreshing;
                p.refreshing |= refresh;
                yield decide(Verdict.SEND, refresh);
            }
            case REFUSED -> {
                if (now - p.retryAt < 0) {
                    dropped++;
                    yield new Decision(Verdict.DROP, false);
                }
                p.state = State.REQUESTED;
                yield hold(p, datagram, true);
            }
        };
    }

    /** The relay installed (or refreshed) the permission for {@code peer}: returns the held datagrams, to send now. */
    List<T> installed(InetAddress peer, long now) {
        Peer<T> p = peers.get(peer);
        if (p == null) {
            return List.of();
        }
        p.state = State.INSTALLED;
        p.installedAt = now;
        p.refreshAt = now + REFRESH_AFTER_NANOS;
        p.refreshing = false;
        p.backoff = FIRST_BACKOFF_NANOS;
        List<T> out = List.copyOf(p.held);
        p.held.clear();
        return out;
    }

    /**
     * The relay refused the permission for {@code peer}, or the request went unanswered. A first
     * request: the held datagrams are dropped, and so is traffic to the peer until the backoff has
     * passed. A refresh: traffic goes on while the permission lasts; the refresh is retried after
     * the backoff.
     */
    void refused(InetAddress peer, long now) {
        Peer<T> p = peers.get(peer);
        if (p == null) {
            return;
        }
        p.refreshing = false;
        if (p.state == State.INSTALLED && now - p.installedAt < LIFETIME_NANOS) {
            p.refreshAt = now + p.backoff;
        } else {
            p.state = State.REFUSED;
            p.retryAt = now + p.backoff;
            dropped += p.held.size();
            p.held.clear();
        }
        p.backoff = Math.min(2 * p.backoff, MAX_BACKOFF_NANOS);
    }

    /** Datagrams dropped so far: refused peers, full holds. */
    long dropped() {
        return dropped;
    }

    /** CreatePermission requests asked for so far (first ones, refreshes and retries). */
    long requests() {
        return requests;
    }

    private Decision hold(Peer<T> p, T datagram, boolean request) {
        if (p.held.size() >= MAX_HELD) {
            dropped++;
            return decide(Verdict.DROP, request);
        }
        p.held.add(datagram);
        return decide(Verdict.HOLD, request);
    }

    private Decision decide(Verdict verdict, boolean request) {
        if (request) {
            requests++;
        }
        return new Decision(verdict, request);
    }
}
