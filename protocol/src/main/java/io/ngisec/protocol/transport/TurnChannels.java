package io.ngisec.protocol.transport;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;

/**
 * The TURN channels of one allocation (RFC 8656 section 12): which peer transport address each
 * channel number stands for, and whether the relay has confirmed it. A channel is asked for when
 * application data (not ICE checks, per RFC 8445 section 12.3 advice) first goes to a peer, and
 * refreshed a minute before its 600 s lifetime ends; until it is bound, Send indications carry the
 * data. A refused binding is retried after 30 s. Numbers are never reused within an allocation,
 * so a late ChannelData message can never be taken for another peer's. Pure: the caller passes
 * the time and sends the requests. Not thread safe; its owner serialises calls.
 */
final class TurnChannels {

    /** RFC 8656 section 12: a binding lasts 10 minutes unless refreshed. */
    static final long LIFETIME_NANOS = 600_000_000_000L;
    static final long REFRESH_AFTER_NANOS = 540_000_000_000L;
    static final long RETRY_AFTER_NANOS = 30_000_000_000L;
    /** RFC 8656 section 12: 0x4000 through 0x4FFF. */
    static final int FIRST_CHANNEL = 0x4000;
    static final int LAST_CHANNEL = 0x4FFF;

    private enum State { BINDING, BOUND, FAILED }

    private static final class Channel {
        final int number;
        final InetSocketAddress peer;
        State state = State.BINDING;
        long boundAt;
        long failedAt;
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
            return c.number;
        }
        switch (c.state) {
            case BOUND -> {
                if (now - c.boundAt >= REFRESH_AFTER_NANOS && !c.refreshing) {
                    c.refreshing = true;
                    return c.number;
                }
            }
            case FAILED -> {
                if (now - c.failedAt >= RETRY_AFTER_NANOS) {
                    c.state = State.BINDING;
                    return c.number;
                }
            }
            case BINDING -> { }
        }
        return -1;
    }

    /** The relay confirmed the binding (or its refresh) of {@code peer}. */
    void bound(InetSocketAddress peer, long now) {
        Channel c = byPeer.get(peer);
        if (c != null) {
            c.state = State.BOUND;
            c.boundAt = now;
            c.refreshing = false;
        }
    }

    /** The relay refused the binding of {@code peer}, or did not answer: back to Send indications for a while. */
    void failed(InetSocketAddress peer, long now) {
        Channel c = byPeer.get(peer);
        if (c != null) {
            c.state = State.FAILED;
            c.failedAt = now;
            c.refreshing = false;
        }
    }

    /**
     * The peer that ChannelData on {@code number} comes from, or null for a number we never asked
     * for or whose binding failed or expired. A binding being asked for counts: the relay may
     * send on it as soon as it has processed the request, before its answer arrives.
     */
    InetSocketAddress peerOf(int number, long now) {
        Channel c = byNumber.get(number);
        if (c == null || c.state == State.FAILED || c.state == State.BOUND && now - c.boundAt >= LIFETIME_NANOS) {
            return null;
        }
        return c.peer;
    }
}
