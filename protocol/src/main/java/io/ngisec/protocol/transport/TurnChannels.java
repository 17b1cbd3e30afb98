package io.ngisec.protocol.transport;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;

/**
 * The TURN channels of one allocation (RFC 8656 section 12): which peer transport address each
 * channel number stands for, and whether the relay has bound it. A channel is asked for when
 * application data (not ICE checks, as RFC 8445 section 12.3 advises) first goes to a peer, and
 * refreshed a minute before its 600 s lifetime ends; until it is bound, Send indications carry the
 * data. A binding refused or unanswered is asked for again after 5 s; a failed refresh leaves the
 * binding in use while it lasts.
 *
 * <p>ChannelData on a number we asked for proves the relay bound it, even if its answer to
 * ChannelBind was lost or late: the data is the peer's, and the binding counts as made when we
 * asked. (Dropping such data would stall the peer's flow for good: the relay sends on the channel
 * for ten minutes whatever we believe.) Numbers are never reused within an allocation, so a late
 * ChannelData message can never be taken for another peer's.
 *
 * <p>Pure: the caller passes the time and sends the requests. Not thread safe; its owner
 * serialises calls.
 */
final class TurnChannels {

    /** RFC 8656 section 12: a binding lasts 10 minutes unless refreshed. */
    static final long LIFETIME_NANOS = 600_000_000_000L;
    static final long REFRESH_AFTER_NANOS = 540_000_000_000L;
    static final long RETRY_AFTER_NANOS = 5_000_000_000L;
    /** RFC 8656 section 12: 0x4000 through 0x4FFF. */
    static final int FIRST_CHANNEL = 0x4000;
    static final int LAST_CHANNEL = 0x4FFF;

    private enum State { BINDING, BOUND, FAILED }

    private static final class Channel {
        final int number;
        final InetSocketAddress peer;
        State state = State.BINDING;
        long requestedAt;
        long boundAt;
        long refreshAt;
        long retryAt;
        boolean refreshing;

        Channel(int number, InetSocketAddress peer) {
            this.number = number;
            this.peer = peer;
        }
    }

    private final Map<InetSocketAddress, Channel> byPeer = new HashMap<>();
    private final Map<Integer, Channel> byNumber = new HashMap<>();
    private int next = FIRST_CHANNEL;

    /** The channel to send to {@code peer} through, or -1 to use a Send indication. */
    int boundChannel(InetSocketAddress peer, long now) {
        Channel c = byPeer.get(peer);
        return c != null && c.state == State.BOUND && now - c.boundAt < LIFETIME_NANOS ? c.number : -1;
    }

    /**
     * The channel number for which the caller must send a ChannelBind request for {@code peer}
     * now (a first binding, a refresh or a retry), or -1 when none is due or numbers ran out.
     */
    int bindRequest(InetSocketAddress peer, long now) {
        Channel c = byPeer.get(peer);
        if (c == null) {
            if (next > LAST_CHANNEL) {
                return -1;
            }
            c = new Channel(next++, peer);
            byPeer.put(peer, c);
            byNumber.put(c.number, c);
            c.requestedAt = now;
            return c.number;
        }
        boolean due = switch (c.state) {
            case BOUND -> !c.refreshing && now - c.refreshAt >= 0;
            case FAILED -> now - c.retryAt >= 0;
            case BINDING -> false;
        };
        if (!due) {
            return -1;
        }
        if (c.state == State.BOUND) {
            c.refreshing = true;
        } else {
            c.state = State.BINDING;
        }
        c.requestedAt = now;
        return c.number;
    }

    /** The relay confirmed the binding (or its refresh) of {@code peer}. */
    void bound(InetSocketAddress peer, long now) {
        Channel c = byPeer.get(peer);
        if (c != null) {
            bind(c, now);
        }
    }

    /** The relay refused the binding of {@code peer}, or did not answer. */
    void failed(InetSocketAddress peer, long now) {
        Channel c = byPeer.get(peer);
        if (c == null) {
            return;
        }
        c.refreshing = false;
        if (c.state == State.BOUND && now - c.boundAt < LIFETIME_NANOS) {
            c.refreshAt = now + RETRY_AFTER_NANOS;
        } else {
            c.state = State.FAILED;
            c.retryAt = now + RETRY_AFTER_NANOS;
        }
    }

    /**
     * ChannelData arrived on {@code number}: the peer it comes from, or null for a number we never
     * asked for. A binding not yet confirmed counts as bound from when it was asked for.
     */
    InetSocketAddress received(int number) {
        Channel c = byNumber.get(number);
        if (c == null) {
            return null;
        }
        if (c.state != State.BOUND) {
            bind(c, c.requestedAt);
        }
        return c.peer;
    }

    private static void bind(Channel c, long at) {
        c.state = State.BOUND;
        c.boundAt = at;
        c.refreshAt = at + REFRESH_AFTER_NANOS;
        c.refreshing = false;
    }
}
