package io.ngisec.protocol.session;

import io.ngisec.protocol.handshake.HandshakeFailure;
import io.ngisec.protocol.handshake.HandshakeInitiator;
import io.ngisec.protocol.handshake.HandshakeResponder;
import io.ngisec.protocol.handshake.HandshakeResult;
import io.ngisec.protocol.qos.QosClass;
import io.ngisec.protocol.record.PacketType;
import io.ngisec.protocol.record.RecordException;
import io.ngisec.protocol.record.RecordHeader;
import io.ngisec.protocol.transport.DatagramPath;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs one NGISec handshake (docs/protocol.md, section 4) over a {@link DatagramPath}, blocking
 * the calling thread: the single-use state machines of the {@code handshake} package plus what
 * they leave to the session layer, retransmission and deadlines.
 *
 * <p>The initiator sends INIT again after {@link Timing#firstRetransmit()}, doubling each time,
 * until a RESPONSE arrives; the responder answers a repeated INIT with the same RESPONSE, and sends
 * it again on the same timer while it waits for FINISH (FINISH itself is repeated by the
 * initiator's {@link UdpSession} when a RESPONSE reaches it after the handshake). Datagrams that
 * are not the expected message, or fail Noise authentication, are dropped silently; a message that
 * authenticates but fails a check (certificate, ticket, peer) ends the handshake at once with
 * {@link SessionFailure.Reason#HANDSHAKE_REJECTED}. Nothing valid before {@link Timing#giveUp()}:
 * {@link SessionFailure.Reason#HANDSHAKE_TIMEOUT}.
 */
public final class SessionHandshake {

    /** Handshake timers (tunables, not spec constants). */
    public record Timing(Duration firstRetransmit, Duration giveUp) {

        /** 250 ms, doubling; give up after 5 s (INIT, then 250, 500, 1000, 2000 ms later). */
        public static final Timing DEFAULT = new Timing(Duration.ofMillis(250), Duration.ofSeconds(5));

        public Timing {
            if (firstRetransmit.isNegative() || firstRetransmit.isZero() || giveUp.compareTo(firstRetransmit) < 0) {
                throw new IllegalArgumentException("timing " + firstRetransmit + ", " + giveUp);
            }
        }
    }

    /**
     * A completed handshake: the result (its secrets not yet handed to a record layer) and, on the
     * initiator, the FINISH datagram to repeat if the peer's RESPONSE arrives again.
     */
    public record Established(HandshakeResult result, byte[] finishDatagram) {
    }

    /**
     * Failures anyone on the path can cause (a stray or forged datagram): drop it and keep waiting
     * for the genuine message. Every other reason comes after authentication: the peer is genuine
     * but not allowed, and waiting longer cannot help.
     */
    private static final Set<HandshakeFailure.Reason> DROP_AND_WAIT = EnumSet.of(
            HandshakeFailure.Reason.MALFORMED, HandshakeFailure.Reason.DECRYPT_FAILED,
            HandshakeFailure.Reason.UNEXPECTED_MESSAGE);

    private final DatagramPath path;
    private final DatagramInbox inbox;
    private final long deadline;
    private long interval;
    private long nextResend = Long.MAX_VALUE;
    private HandshakeFailure lastDrop;

    private SessionHandshake(DatagramPath path, DatagramInbox inbox, Timing timing) {
        this.path = path;
        this.inbox = inbox;
        this.interval = timing.firstRetransmit().toNanos();
        this.deadline = System.nanoTime() + timing.giveUp().toNanos();
    }

    /** Runs {@code initiator} to completion over {@code path}, whose datagrams arrive in {@code inbox}. */
    public static Established initiate(DatagramPath path, DatagramInbox inbox, HandshakeInitiator initiator,
            Timing timing) throws SessionFailure, InterruptedException {
        SessionHandshake run = new SessionHandshake(path, inbox, timing);
        byte[] init = initiator.start();
        run.sendAndArm(init);
        while (true) {
            byte[] d = run.next(init);
            if (typeOf(d) != PacketType.HANDSHAKE_RESPONSE) {
                continue;
            }
            try {
                HandshakeInitiator.Established established = initiator.onResponse(ByteBuffer.wrap(d));
                run.send(established.finishDatagram());
                return new Established(established.result(), established.finishDatagram());
            } catch (HandshakeFailure f) {
                run.onFailure(f);
            }
        }
    }

    /**
     * Answers the first valid INIT on {@code path} with a responder from {@code responders} (a new
     * one after an INIT that does not verify, since responders are single use) and completes it.
     */
    public static Established respond(DatagramPath path, DatagramInbox inbox, Supplier<HandshakeResponder> responders,
            Timing timing) throws SessionFailure, InterruptedException {
        SessionHandshake run = new SessionHandshake(path, inbox, timing);
        HandshakeResponder responder = null;
        byte[] response = null;
        while (true) {
            byte[] d = run.next(response);
            PacketType type = typeOf(d);
            if (type == PacketType.HANDSHAKE_INIT && response != null) {
                run.send(response); // our RESPONSE was lost, or the INIT was repeated in flight
            } else if (type == PacketType.HANDSHAKE_INIT) {
                responder = responders.get();
                try {
                    response = responder.onInit(ByteBuffer.wrap(d));
                    run.sendAndArm(response);
                } catch (HandshakeFailure f) {
                    run.onFailure(f);
                }
            } else if (type == PacketType.HANDSHAKE_FINISH && response != null) {
                try {
                    return new Established(responder.onFinish(ByteBuffer.wrap(d)), null);
                } catch (HandshakeFailure f) {
                    run.onFailure(f);
                }
            }
        }
    }

    /** The next datagram, resending {@code toRepeat} (if any) when its timer fires; fails at the deadline. */
    private byte[] next(byte[] toRepeat) throws SessionFailure, InterruptedException {
        while (true) {
            long now = System.nanoTime();
            if (now - deadline >= 0) {
                throw new SessionFailure(SessionFailure.Reason.HANDSHAKE_TIMEOUT, "no valid handshake message in time",
                        lastDrop);
            }
            if (toRepeat != null && nextResend - now <= 0) {
                send(toRepeat);
                interval *= 2;
                nextResend = now + interval;
            }
            long until = toRepeat != null ? Math.min(nextResend - now, deadline - now) : deadline - now;
            byte[] d = inbox.poll(Math.max(1, until));
            if (d != null) {
                return d;
            }
        }
    }

    private void onFailure(HandshakeFailure f) throws SessionFailure {
        if (!DROP_AND_WAIT.contains(f.reason())) {
            throw new SessionFailure(SessionFailure.Reason.HANDSHAKE_REJECTED, "peer refused", f);
        }
        if (f.reason() != HandshakeFailure.Reason.UNEXPECTED_MESSAGE || lastDrop == null) {
            lastDrop = f; // keep the most telling reason for a timeout's report
        }
    }

    private void sendAndArm(byte[] datagram) throws SessionFailure {
        send(datagram);
        nextResend = System.nanoTime() + interval;
    }

    private void send(byte[] datagram) throws SessionFailure {
        try {
            path.send(ByteBuffer.wrap(datagram), QosClass.CONTROL); // handshake headers are always CONTROL
        } catch (IOException e) {
            throw new SessionFailure(SessionFailure.Reason.PATH_CLOSED, "path refused a handshake datagram", e);
        }
    }

    /** The packet type in a datagram's clear header, or null if the header does not parse. */
    static PacketType typeOf(byte[] datagram) {
        return typeOf(ByteBuffer.wrap(datagram));
    }

    /** As {@link #typeOf(byte[])}, reading {@code datagram} from its position without consuming it. */
    static PacketType typeOf(ByteBuffer datagram) {
        try {
            return RecordHeader.parse(datagram.duplicate()).type();
        } catch (RecordException e) {
            return null;
        }
    }

    /** Whether {@code datagram} is a HANDSHAKE_RESPONSE: a cheap look at the type bits first, for the data path. */
    static boolean isResponse(ByteBuffer datagram) {
        return datagram.hasRemaining()
                && (datagram.get(datagram.position()) & 0x0f) == PacketType.HANDSHAKE_RESPONSE.code()
                && typeOf(datagram) == PacketType.HANDSHAKE_RESPONSE;
    }
}
